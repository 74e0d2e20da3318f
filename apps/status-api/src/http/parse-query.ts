import * as v from "valibot";
import { TOKEN_QUERY_PARAM } from "../security/bearer-auth.ts";
import { RequestError } from "./request-error.ts";

/** A query parameter holding an integer in [min, max]. */
export function integerParam(min: number, max: number) {
  return v.pipe(
    v.string(),
    v.regex(/^-?\d+$/, "must be an integer"),
    v.transform(Number),
    v.number(),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}

/** A non-empty query parameter string. */
export const stringParam = v.pipe(v.string(), v.nonEmpty("must not be empty"));

/** Names of the parameters a query schema declares (a strict object, possibly first in a pipe), for error messages. */
function declaredParameters(schema: unknown): string[] {
  const first = (schema as { pipe?: unknown[] }).pipe?.[0] ?? schema;
  const entries = (first as { entries?: Record<string, unknown> }).entries;
  return entries === undefined ? [] : Object.keys(entries);
}

/** A parameter's name as a message may show it: user text, so kept short. */
const shownName = (name: string): string => name.slice(0, 64);

/**
 * Validates a request's query (`c.req.queries()`: every value of every key) against a strict schema; a RequestError
 * (INVALID_DATA, answered 400) names the parameter and never echoes its value. A key given more than once is refused,
 * `token` included: only one value could be read, and the others would be dropped without a word. `token`, the bearer
 * check's parameter, is allowed everywhere and never reaches the schema.
 */
export function parseQuery<S extends v.GenericSchema<Record<string, string>, unknown>>(schema: S, queries: Record<string, string[]>): v.InferOutput<S> {
  for (const [name, values] of Object.entries(queries)) {
    if (values.length > 1) throw new RequestError(`query parameter "${shownName(name)}" given more than once; give it once`, shownName(name));
  }
  // fromEntries makes every key an own property, "__proto__" too, so the strict schema sees (and refuses) it.
  const rest = Object.fromEntries(Object.entries(queries).flatMap(([name, [value = ""]]) => (name === TOKEN_QUERY_PARAM ? [] : [[name, value]])));
  const result = v.safeParse(schema, rest);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const name = shownName(issue.path?.map((item) => String(item.key)).join(".") ?? "query");
  if (issue.type === "strict_object" && issue.expected === "never") {
    // A misspelled filter must not be dropped silently: the client would get everything it meant to narrow.
    const accepted = [...declaredParameters(schema), TOKEN_QUERY_PARAM].join(", ");
    throw new RequestError(`unknown query parameter "${name}"; this route accepts: ${accepted}`, name);
  }
  // A required parameter left out: valibot's own words ("Invalid key: Expected …") say it backwards.
  if (issue.input === undefined && issue.kind === "schema") throw new RequestError(`query parameter "${name}" is required`, name);
  throw new RequestError(`query parameter "${name}" ${issue.message}`, name);
}

import { ArgoError } from "@argo/core";
import * as v from "valibot";

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

/** Validates a request's query; INVALID_DATA names the parameter and never echoes its value. */
export function parseQuery<S extends v.GenericSchema<Record<string, string>, unknown>>(schema: S, query: Record<string, string>): v.InferOutput<S> {
  const result = v.safeParse(schema, query);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const name = issue.path?.map((item) => String(item.key)).join(".") ?? "query";
  throw new ArgoError("INVALID_DATA", `query parameter "${name}" ${issue.message}`, { details: { parameter: name } });
}

import * as v from "valibot";
import { ArgoError } from "../errors/argo-error.ts";
import { type ConfigIssue, toConfigIssue } from "./config-issue.ts";
import { collectSecretValues, scrubSecrets } from "./redact.ts";
import { secretLocations } from "./secret-paths.ts";

/** Result of validating a config without throwing. */
export type ConfigResult<T> = { ok: true; value: T } | { ok: false; error: ArgoError; issues: ConfigIssue[] };

/** Where a config came from, for messages: "paper config", "strategy sma-cross config". */
export interface ParseConfigOptions {
  label: string;
  /** Path prefix of the config inside a larger file, e.g. "trading.config". */
  pathPrefix?: string;
  provider?: string;
}

/** Validates `input` against `schema`, collecting every issue (not just the first) with its path. */
export function safeParseConfig<S extends v.GenericSchema<unknown, unknown>>(
  schema: S,
  input: unknown,
  options: ParseConfigOptions,
): ConfigResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output as v.InferOutput<S> };
  // Exact paths in this input: record keys may hold dots, and lazy schemas resolve against the value as valibot's did.
  const patterns = secretLocations(schema, input);
  const secrets = collectSecretValues(input, patterns);
  const issues = flattenIssues(result.issues).map((issue) => {
    const formatted = toConfigIssue(issue, patterns, options.pathPrefix, schema);
    // Belt and braces: a secret pasted into the wrong field must not be echoed either.
    return {
      ...formatted,
      message: scrubSecrets(formatted.message, secrets),
      ...(formatted.received !== undefined ? { received: scrubSecrets(formatted.received, secrets) } : {}),
    };
  });
  const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join("\n");
  const error = new ArgoError(
    "INVALID_CONFIGURATION",
    `invalid ${options.label}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${lines}`,
    { details: { issues }, ...(options.provider ? { provider: options.provider } : {}) },
  );
  return { ok: false, error, issues };
}

/** Validates `input` and returns the typed config, or throws INVALID_CONFIGURATION naming every bad field. */
export function parseConfig<S extends v.GenericSchema<unknown, unknown>>(
  schema: S,
  input: unknown,
  options: ParseConfigOptions,
): v.InferOutput<S> {
  const result = safeParseConfig(schema, input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Unions report one issue with nested alternatives; the leaves say what is actually wrong. */
function flattenIssues(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown>[] {
  return issues.flatMap((issue) => (issue.issues && issue.type !== "union" ? flattenIssues(issue.issues) : [issue]));
}

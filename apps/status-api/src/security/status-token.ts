import * as v from "valibot";

/** Fewest characters a status API token may have: it guards positions, orders and the account. */
export const MIN_STATUS_TOKEN_LENGTH = 16;

/**
 * The rule for a status API token, in one place: the API refuses what it refuses, and the runner's config schema uses
 * it, so `argo validate` refuses exactly what `argo run` would. No whitespace: a presented token is trimmed, and a
 * space in a header or a URL is easily lost or changed on the way. The messages never include the token.
 */
export const statusTokenSchema = v.pipe(
  v.string(),
  v.minLength(MIN_STATUS_TOKEN_LENGTH, `must be at least ${MIN_STATUS_TOKEN_LENGTH} characters long`),
  v.regex(/^\S*$/, "must contain no whitespace (spaces, tabs or line breaks)"),
);

/** What is wrong with a token under {@link statusTokenSchema} (the first problem), or undefined when it is fine. */
export function statusTokenProblem(token: string): string | undefined {
  const result = v.safeParse(statusTokenSchema, token);
  return result.success ? undefined : result.issues[0].message;
}

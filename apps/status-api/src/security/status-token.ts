import * as v from "valibot";

/** Fewest characters a status API token may have: it guards positions, orders and the account. */
export const MIN_STATUS_TOKEN_LENGTH = 16;

/** Why a token that is not all printable ASCII is refused; whitespace keeps its own, more precise message. */
function notPrintableAscii(issue: { input: unknown }): string {
  return typeof issue.input === "string" && /\s/.test(issue.input)
    ? "must contain no whitespace (spaces, tabs or line breaks)"
    : "must be printable ASCII without spaces (it is sent in an HTTP header)";
}

/**
 * The rule for a status API token, in one place: the API refuses what it refuses, and the runner's config schema uses
 * it, so `argo validate` refuses exactly what `argo run` would. Printable ASCII only (0x21-0x7E): the token is sent in
 * an Authorization header, where fetch refuses any other character and curl's UTF-8 bytes never match it; and no
 * whitespace, since a presented token is trimmed and a space in a header or a URL is easily lost or changed on the way.
 * The messages never include the token.
 */
export const statusTokenSchema = v.pipe(
  v.string(),
  v.minLength(MIN_STATUS_TOKEN_LENGTH, `must be at least ${MIN_STATUS_TOKEN_LENGTH} characters long`),
  v.regex(/^[\x21-\x7E]*$/, notPrintableAscii),
);

/** What is wrong with a token under {@link statusTokenSchema} (the first problem), or undefined when it is fine. */
export function statusTokenProblem(token: string): string | undefined {
  const result = v.safeParse(statusTokenSchema, token);
  return result.success ? undefined : result.issues[0].message;
}

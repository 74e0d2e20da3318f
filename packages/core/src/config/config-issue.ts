import type * as v from "valibot";
import { issueKeys, issuePath } from "./issue-path.ts";
import { readableCheck } from "./readable-check.ts";
import { REDACTED } from "./redact.ts";
import { schemaAtPath } from "./schema-at-path.ts";
import { matchesSecretPath, type SecretPath } from "./secret-paths.ts";

/** One problem with a config: where, what was expected, what was received (redacted for secrets). */
export interface ConfigIssue {
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

/** Turns a valibot issue into a {@link ConfigIssue} without ever echoing a secret value. */
export function toConfigIssue(issue: v.BaseIssue<unknown>, secretPatterns: readonly SecretPath[], prefix = "", schema?: unknown): ConfigIssue {
  const path = issuePath(issue, prefix);
  const isSecret = matchesSecretPath(issueKeys(issue), secretPatterns);
  const unknownKey = issue.kind === "schema" && issue.type === "strict_object" && issue.expected === "never";
  const missing = issue.input === undefined && issue.kind === "schema";
  const received = isSecret && issue.input !== undefined ? REDACTED : describeReceived(issue);
  // For a missing key valibot's `expected` is the key itself; the field's own schema says what belongs there.
  const expected = missing ? schemaAtPath(schema, issueKeys(issue))?.expects : (issue.expected ?? undefined);
  let message: string;
  if (unknownKey) message = "unknown key (not part of this config; check its spelling)";
  else if (missing) message = `required but missing${expected ? `: expected ${expected}` : ""}`;
  else {
    // Valibot's own messages quote the input; ours are built from the parts so secrets can be withheld.
    const custom = issue.message && !issue.message.startsWith("Invalid ") ? issue.message : undefined;
    const readable = custom === undefined ? readableCheck(issue) : undefined;
    message = custom ?? readable ?? `invalid ${issue.type.replaceAll("_", " ")}`;
    // A check said in words says what it expects; "expected !0, received 0" (a length) for an empty value only puzzles.
    const bare = issue.type === "non_empty";
    if (expected && readable === undefined && !bare) message += `: expected ${expected}`;
    if (received !== undefined && !bare) message += `${readable === undefined && expected ? "," : ":"} received ${received}`;
  }
  return { path, message, ...(expected ? { expected } : {}), ...(received !== undefined ? { received } : {}) };
}

function describeReceived(issue: v.BaseIssue<unknown>): string | undefined {
  if (issue.input === undefined) return "nothing";
  // A check across fields (slow > fast, to after from) is handed the whole section: "received Object" says nothing.
  if (issue.kind === "validation" && typeof issue.input === "object" && issue.input !== null) return undefined;
  // A whole string where a section belongs may be anything pasted (a key=value line, a token): name its type only.
  if (typeof issue.input === "string" && /^(Object|Array|never)/.test(issue.expected ?? "")) return "a string";
  return issue.received;
}

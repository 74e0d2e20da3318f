import type * as v from "valibot";
import { issuePath } from "./issue-path.ts";
import { REDACTED } from "./redact.ts";
import { matchesSecretPath } from "./secret-paths.ts";

/** One problem with a config: where, what was expected, what was received (redacted for secrets). */
export interface ConfigIssue {
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

/** Turns a valibot issue into a {@link ConfigIssue} without ever echoing a secret value. */
export function toConfigIssue(issue: v.BaseIssue<unknown>, secretPatterns: readonly string[], prefix = ""): ConfigIssue {
  const path = issuePath(issue, prefix);
  const relative = issuePath(issue);
  const isSecret = matchesSecretPath(relative, secretPatterns);
  const unknownKey = issue.kind === "schema" && issue.type === "strict_object" && issue.expected === "never";
  const received = isSecret && issue.input !== undefined ? REDACTED : describeReceived(issue);
  const expected = issue.expected ?? undefined;
  let message: string;
  if (unknownKey) message = "unknown key (not part of this config; check its spelling)";
  else if (issue.input === undefined && issue.kind === "schema") message = `required${expected ? `: expected ${expected}` : ""}`;
  else {
    // Valibot's own messages quote the input; ours are built from the parts so secrets can be withheld.
    const custom = issue.message && !issue.message.startsWith("Invalid ") ? issue.message : undefined;
    message = custom ?? `invalid ${issue.type.replaceAll("_", " ")}`;
    if (expected) message += `: expected ${expected}`;
    if (received !== undefined) message += `, received ${received}`;
  }
  return { path, message, ...(expected ? { expected } : {}), ...(received !== undefined ? { received } : {}) };
}

function describeReceived(issue: v.BaseIssue<unknown>): string | undefined {
  if (issue.input === undefined) return "nothing";
  return issue.received;
}

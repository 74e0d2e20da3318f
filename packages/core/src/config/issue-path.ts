import type * as v from "valibot";

/** Dotted path of a valibot issue ("trading.config.port", "symbols.0"); "(root)" for the value itself. */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ""): string {
  const joined = issueKeys(issue).join(".");
  if (prefix && joined) return `${prefix}.${joined}`;
  return prefix || joined || "(root)";
}

/** The keys a valibot issue's path goes through, as strings (array indexes too); empty for the value itself. */
export function issueKeys(issue: v.BaseIssue<unknown>): string[] {
  return (issue.path ?? []).map((item) => String((item as { key: unknown }).key));
}

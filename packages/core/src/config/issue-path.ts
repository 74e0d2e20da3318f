import type * as v from "valibot";

/** Dotted path of a valibot issue ("trading.config.port", "symbols.0"); "(root)" for the value itself. */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ""): string {
  const keys = (issue.path ?? []).map((item) => String((item as { key: unknown }).key));
  const joined = keys.join(".");
  if (prefix && joined) return `${prefix}.${joined}`;
  return prefix || joined || "(root)";
}

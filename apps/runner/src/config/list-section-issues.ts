import type { ConfigIssue } from "@argo/core";
import { type SchemaNode, unwrap } from "./config-schema-at.ts";
import { runnerConfigSchema } from "./config-schema.ts";

/**
 * Sections the config file must write as mappings but wrote as lists (`trading: [paper]`). The schema's object checks
 * take a list for an object whose keys are "0", "1", …: without this, `trading: [paper]` would be reported as an unknown
 * key `trading.0`, and `log: []` would pass as an empty section.
 */
export function listSectionIssues(raw: Record<string, unknown>): ConfigIssue[] {
  return Object.entries(runnerConfigSchema.entries)
    .filter(([key, schema]) => Array.isArray(raw[key]) && unwrap(schema as SchemaNode)?.type !== "array")
    .map(([key]) => ({ path: key, message: "expected a mapping (key: value entries), received a list" }));
}

/** True when an issue is about a part of one of these sections (already reported whole). */
export function isInsideSection(issue: ConfigIssue, sections: readonly ConfigIssue[]): boolean {
  return sections.some((section) => issue.path.startsWith(`${section.path}.`));
}

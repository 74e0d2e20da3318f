import type { ConfigIssue } from "@argo/core";

/** Every problem on its own line, with its path: what `argo validate` and a refused `argo run` print. */
export function formatIssues(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.map((issue) => `  ✗ ${issue.path}: ${issue.message}`);
  return `${source}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${lines.join("\n")}`;
}

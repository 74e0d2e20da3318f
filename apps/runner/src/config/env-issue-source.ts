import type { ConfigIssue } from "@argo/core";
import type { EnvOverride } from "./env-overrides.ts";

/**
 * Names the ARGO__ variable behind each problem it caused: one at or under the path a variable set, or at a key it
 * created on the way there (a misspelt ARGO__ENGNE__DATA_DIR makes an unknown key `engne` that no file has).
 */
export function nameEnvSources(issues: readonly ConfigIssue[], overrides: readonly EnvOverride[]): ConfigIssue[] {
  return issues.map((issue) => {
    const variables = overrides.filter((override) => causedBy(issue.path, override)).map((override) => override.variable);
    if (variables.length === 0) return issue;
    return { ...issue, message: `${issue.message}; set by the environment variable${variables.length > 1 ? "s" : ""} ${variables.join(", ")}` };
  });
}

function causedBy(path: string, override: EnvOverride): boolean {
  const set = override.keys.join(".");
  if (path === set || path.startsWith(`${set}.`)) return true;
  // A key on the way to the value is the variable's only where the variable made it.
  for (let i = override.createdFrom; i < override.keys.length - 1; i++) {
    if (path === override.keys.slice(0, i + 1).join(".")) return true;
  }
  return false;
}

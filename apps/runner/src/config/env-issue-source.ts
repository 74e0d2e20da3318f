import type { ConfigIssue } from "@argo/core";
import type { EnvOverride } from "./env-overrides.ts";

/**
 * Names the ARGO__ variable behind each problem it caused: one at or under the path a variable set; else one under a
 * key it created on the way there (a misspelt ARGO__ENGNE__DATA_DIR makes an unknown key `engne` that no file has; an
 * item ARGO__…__FILES__1__PATH added lacks the rest of an item); and, as a part of it, a problem with a whole list a
 * variable changed an item of (`engine.symbols` naming a symbol twice). A refused variable changed nothing.
 */
export function nameEnvSources(issues: readonly ConfigIssue[], overrides: readonly EnvOverride[]): ConfigIssue[] {
  const applied = overrides.filter((override) => override.refused === undefined);
  return issues.map((issue) => {
    const direct = applied.filter((override) => atOrUnder(issue.path, override.keys));
    // Under a key variables made, the one that set this very path is the one to name, not every maker of the key.
    const makers = direct.length > 0 ? [] : applied.filter((override) => createdAbove(issue.path, override));
    const items = applied.filter((override) => !direct.includes(override) && !makers.includes(override) && changedItemOf(issue.path, override));
    let message = issue.message;
    if (direct.length > 0) message += `; set by ${variables(direct)}`;
    if (makers.length > 0) message += `; added by ${variables(makers)}`;
    if (items.length > 0) message += `; ${items.length > 1 ? "items" : "an item"} of it set by ${variables(items)}`;
    return message === issue.message ? issue : { ...issue, message };
  });
}

/**
 * Names the ARGO__ variables that set the session fields an issue was judged against (`risk.symbols.ETHUSD` is refused
 * because `engine.symbols` lacks it): the issue's own path was never set by one, so nameEnvSources alone would leave
 * a user looking for the mistake in a file that has none.
 */
export function nameSessionSources(issues: readonly ConfigIssue[], overrides: readonly EnvOverride[], fields: readonly string[]): ConfigIssue[] {
  const notes = fields.flatMap((field) => {
    const parts = field.split(".");
    // Set at the field, inside it (one list item) or above it (the whole `engine` section as a mapping).
    const setters = overrides.filter(({ keys, refused }) => refused === undefined && (atOrUnder(field, keys) || atOrUnder(keys.join("."), parts)));
    return setters.length > 0 ? [`${field} set by ${variables(setters)}`] : [];
  });
  if (notes.length === 0) return [...issues];
  return issues.map((issue) => ({ ...issue, message: `${issue.message}; ${notes.join("; ")}` }));
}

/** The problems of the variables that were not applied (a path through a list by no index it can take), at the list. */
export function refusedEnvIssues(overrides: readonly EnvOverride[]): ConfigIssue[] {
  return overrides.flatMap(({ keys, refused }) => (refused === undefined ? [] : [{ path: keys.join("."), message: refused }]));
}

function variables(overrides: readonly EnvOverride[]): string {
  return `the environment variable${overrides.length > 1 ? "s" : ""} ${overrides.map((override) => override.variable).join(", ")}`;
}

const atOrUnder = (path: string, keys: readonly string[]) => {
  const at = keys.join(".");
  return path === at || path.startsWith(`${at}.`);
};

// A key on the way to the value is the variable's only where the variable made it.
function createdAbove(path: string, override: EnvOverride): boolean {
  for (let i = override.createdFrom; i < override.keys.length - 1; i++) {
    if (atOrUnder(path, override.keys.slice(0, i + 1))) return true;
  }
  return false;
}

function changedItemOf(path: string, override: EnvOverride): boolean {
  return (override.items ?? []).some((i) => path === override.keys.slice(0, i).join("."));
}

import type { EnvOverride } from "./env-overrides.ts";

/**
 * The ARGO__ variables that clash, each refused at the key they clash on: two that set one key
 * (`ARGO__RISK__MAX_ORDER_VALUE` and `ARGO__RISK__MAXORDERVALUE` are one name), or one that sets a key and another
 * something inside it. Which one won would be down to the order of their names, so a stale variable could loosen a
 * risk limit unseen; a key written twice in the file is refused the same way. The one combination kept is a whole list
 * and an item of it by a variable spelt as the list's plus its index (`ARGO__ENGINE__SYMBOLS` and
 * `ARGO__ENGINE__SYMBOLS__1`): the item then changes the list that variable sets, as it sorts after it.
 */
export function envOverrideClashes(overrides: readonly EnvOverride[], prefix: string): EnvOverride[] {
  const applied = overrides.filter((override) => override.refused === undefined);
  const refused = new Map<string, EnvOverride>();
  for (const outer of applied) {
    const inside = applied.filter((other) => other !== outer && startsWith(other.keys, outer.keys) && !isOwnItem(outer, other));
    if (inside.length === 0) continue;
    const message = clashMessage(outer.keys, [outer, ...inside], prefix);
    // A variable in two clashes is refused at the first; the other's issue is told by its other variables.
    for (const override of [outer, ...inside]) {
      if (!refused.has(override.variable)) refused.set(override.variable, { ...override, keys: outer.keys, createdFrom: Math.min(override.createdFrom, outer.keys.length), refused: message });
    }
  }
  return [...refused.values()];
}

// The same text for every variable of one clash, so the clash is one problem however many variables it has.
function clashMessage(at: readonly string[], group: readonly EnvOverride[], prefix: string): string {
  const names = (list: readonly EnvOverride[]) => list.map((override) => override.variable).sort();
  const same = names(group.filter(({ keys }) => keys.length === at.length));
  const deeper = group.filter(({ keys }) => keys.length > at.length);
  if (deeper.length === 0) return `set by ${same.length === 2 ? "both " : ""}${and(same)}; keep one`;
  const text = `set by ${and(same)} and, inside it, by ${and(names(deeper))}; keep one`;
  // A whole list and an item of it spelt another way: the item's variable spelt as the list's is the documented form.
  const item = same.length === 1 ? deeper.find(({ items }) => items?.includes(at.length)) : undefined;
  if (item === undefined) return text;
  const rest = item.variable.slice(prefix.length).split("__").filter(Boolean).slice(at.length);
  return `${text}, or spell the item as the list is, ${[same[0], ...rest].join("__")}, to change the list it sets`;
}

const and = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!);

function startsWith(keys: readonly string[], head: readonly string[]): boolean {
  return keys.length >= head.length && head.every((key, i) => keys[i] === key);
}

// `inner` goes into the list `outer` sets, by an index, under `outer`'s own name.
function isOwnItem(outer: EnvOverride, inner: EnvOverride): boolean {
  return inner.keys.length > outer.keys.length && inner.variable.startsWith(`${outer.variable}__`) && (inner.items ?? []).includes(outer.keys.length);
}

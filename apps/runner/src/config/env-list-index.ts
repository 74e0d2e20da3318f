import { type SchemaNode, declaredKeys, unwrap } from "./config-schema-at.ts";
import { expectsList } from "./env-value.ts";

/** An item's index as a name part spells it: 0, 1, 12 (not 01, -1 or 1.0, which no list has). */
export function listIndex(part: string): number | undefined {
  return /^(0|[1-9]\d*)$/.test(part) ? Number(part) : undefined;
}

/**
 * Whether an ARGO__ path at this place goes into a list: the config holds one where the schema wants no mapping (a
 * strategy's own list, undeclared, counts), or holds nothing there and the schema wants a list.
 */
export function goesIntoList(value: unknown, schema: SchemaNode | undefined): boolean {
  if (Array.isArray(value)) return !wantsMapping(schema);
  const container = value !== null && typeof value === "object";
  return !container && expectsList(schema);
}

/**
 * Whether the schema wants key: value entries here. A section the file wrote as a list (or a value) there is the file's
 * mistake (reported as such); a variable setting a key there makes the mapping.
 */
export function wantsMapping(schema: SchemaNode | undefined): boolean {
  const bare = unwrap(schema);
  return bare?.type === "record" || bare?.entries !== undefined || declaredKeys(schema).length > 0;
}

/**
 * Why `parts[at]` cannot pick an item of the list reached by `parts[0..at)` that holds `length` items: it must change
 * one the list has or add exactly the next one, so that a variable never leaves a hole or wipes what the file listed.
 * `itemsHaveKeys`: the items are mappings (then `FILES__PATH` most likely left out the index). Undefined when it can.
 */
export function listIndexProblem(
  variable: string,
  prefix: string,
  parts: readonly string[],
  at: number,
  { length, itemsHaveKeys }: { length: number; itemsHaveKeys: boolean },
): string | undefined {
  const part = parts[at]!;
  const index = listIndex(part);
  if (index !== undefined && index <= length) return undefined;
  const name = (...names: string[]) => `${prefix}${names.join("__")}`;
  const has = length === 0 ? "it has no items: 0 adds one" : `it has ${length} item${length > 1 ? "s" : ""}: ${length > 1 ? `0 to ${length - 1} change one` : "0 changes it"}, ${length} adds one`;
  // A name where an index belongs, in a list of mappings, is most likely an item's field with the index left out.
  const example = index === undefined && itemsHaveKeys && !/\d/.test(part) ? `, e.g. ${name(...parts.slice(0, at), "0", ...parts.slice(at))}` : "";
  const what = index !== undefined ? `by index ${index}, but ${has}` : `by "${part}", which is no item's index (${has}${example})`;
  return `${variable} goes through this list ${what}; or set the whole list, e.g. ${name(...parts.slice(0, at))}='[…]'`;
}

/** Whether a list's items are mappings: by the schema of its items, else by the items the config holds. */
export function itemsHaveKeys(list: unknown, itemSchema: SchemaNode | undefined): boolean {
  if (itemSchema !== undefined) return wantsMapping(itemSchema);
  return Array.isArray(list) && list.some((item) => item !== null && typeof item === "object" && !Array.isArray(item));
}

import { isSecretSchema } from "./secret.ts";

/**
 * The keys leading to a secret field, one array item per key: ["accounts", "*", "apiKey"]. `*` stands for any array
 * index or record key. Keys are kept apart, never joined with ".": a record key may itself hold a dot (an e-mail).
 */
export type SecretPath = readonly string[];

type Node = {
  kind?: string;
  type?: string;
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  pipe?: unknown[];
  options?: unknown[];
  item?: unknown;
  items?: unknown[];
  value?: unknown;
  rest?: unknown;
  getter?: (input: unknown) => unknown;
};

/** Marks a walk without a value: every index and record key is `*`. */
const NO_VALUE: unique symbol = Symbol("no value");
type Walked = unknown | typeof NO_VALUE;

/** Deeper than any real config; past it (a cyclic value, a runaway recursive schema) the subtree counts as secret. */
const MAX_DEPTH = 64;

/**
 * Every secret field a schema declares, as patterns with `*` for any index or key (for a concrete value prefer
 * {@link secretLocations}, which is exact). A `v.lazy` schema cannot always be walked without input: one whose getter
 * takes no argument is resolved (once per branch: a recursive one is not re-entered), but one whose getter reads its
 * input, or a recursive one met again, is counted as secret whole, because nothing short of the value says what it holds.
 */
export function secretPaths(schema: unknown): SecretPath[] {
  const found: SecretPath[] = [];
  walk(schema, NO_VALUE, [], found, new Set());
  return dedupe(found);
}

/**
 * The exact paths of every secret field inside `value` as `schema` reads it: array indexes, tuple items and rest,
 * record and rest keys as they appear in the value, and `v.lazy` schemas resolved with the value at their place (as
 * valibot does), so recursive and input-dependent schemas are followed as far as the value goes.
 */
export function secretLocations(schema: unknown, value: unknown): SecretPath[] {
  const found: SecretPath[] = [];
  walk(schema, value, [], found, new Set());
  return dedupe(found);
}

/** True when a path of keys (["accounts", "0", "key"]) is at or inside a secret pattern (["accounts", "*", "key"]). */
export function matchesSecretPath(keys: readonly (string | number)[], patterns: readonly SecretPath[]): boolean {
  return patterns.some(
    (pattern) => pattern.length <= keys.length && pattern.every((segment, i) => segment === "*" || segment === String(keys[i])),
  );
}

function walk(schema: unknown, value: Walked, keys: string[], found: SecretPath[], lazies: Set<unknown>): void {
  if (isSecretSchema(schema)) return void found.push(keys);
  const node = schema as Node | undefined;
  if (!node || typeof node !== "object") return;
  if (keys.length > MAX_DEPTH) return void found.push(keys);
  const into = (child: unknown, childValue: Walked, key: string) => walk(child, childValue, [...keys, key], found, lazies);
  const at = (key: string): Walked => (value === NO_VALUE ? NO_VALUE : isObject(value) ? (value as Record<string, unknown>)[key] : undefined);

  if (node.wrapped) walk(node.wrapped, value, keys, found, lazies);
  if (Array.isArray(node.pipe)) {
    // The pipe's first item is the schema itself (same type) and actions hold no fields; any other schema is walked.
    for (const item of node.pipe) {
      const piped = item as Node;
      if (item !== node && piped?.kind === "schema" && piped.type !== node.type) walk(item, value, keys, found, lazies);
    }
  }
  if (Array.isArray(node.options)) for (const option of node.options) walk(option, value, keys, found, lazies);
  if (node.entries) for (const [key, entry] of Object.entries(node.entries)) into(entry, at(key), key);
  if (node.type === "lazy" && typeof node.getter === "function") walkLazy(node, value, keys, found, lazies);

  const rest = node.rest && typeof node.rest === "object" ? node.rest : undefined;
  if (Array.isArray(node.items)) {
    // A tuple: each item at its own index, the rest (if any) at every index after them.
    if (value === NO_VALUE) {
      node.items.forEach((item, i) => into(item, NO_VALUE, String(i)));
      if (rest) into(rest, NO_VALUE, "*");
    } else if (Array.isArray(value)) {
      value.forEach((element, i) => {
        const item = i < node.items!.length ? node.items![i] : rest;
        if (item) into(item, element, String(i));
      });
    }
  } else if (node.item) {
    if (value === NO_VALUE) into(node.item, NO_VALUE, "*");
    else if (Array.isArray(value)) value.forEach((element, i) => into(node.item, element, String(i)));
  } else if (node.type === "record" && node.value) {
    eachKey(value, (key, child) => into(node.value, child, key));
  } else if (node.entries && rest) {
    // An object with rest: the rest schema reads every key the entries do not declare.
    eachKey(value, (key, child) => {
      if (!Object.hasOwn(node.entries!, key)) into(rest, child, key);
    });
  }
}

/** `v.lazy`: resolved with the value where there is one; without, only a getter that ignores its input can be followed. */
function walkLazy(node: Node, value: Walked, keys: string[], found: SecretPath[], lazies: Set<unknown>): void {
  const getter = node.getter!;
  if (value === NO_VALUE && (getter.length > 0 || lazies.has(node))) return void found.push(keys);
  let resolved: unknown;
  try {
    resolved = getter(value === NO_VALUE ? undefined : value);
  } catch {
    // The plugin's getter failed: what it would hold cannot be known, so all of it is withheld.
    return void found.push(keys);
  }
  lazies.add(node);
  try {
    walk(resolved, value, keys, found, lazies);
  } finally {
    lazies.delete(node);
  }
}

/** Calls `visit` for each own key of `value` (any object: valibot's record takes arrays too); `*` once without a value. */
function eachKey(value: Walked, visit: (key: string, child: Walked) => void): void {
  if (value === NO_VALUE) return visit("*", NO_VALUE);
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) visit(key, child);
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

function dedupe(paths: SecretPath[]): SecretPath[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

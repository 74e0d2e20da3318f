/** Nesting deeper than any order, position or account has: past it values are shared rather than copied. */
const MAX_DEPTH = 8;

/**
 * A deep copy of plain data (objects and arrays) with every level frozen. The original is never frozen: a venue may
 * keep the object it gave the engine and change it later. Anything else (a Date, a class instance) is shared as is.
 */
export function frozenCopy<T>(value: T): T {
  return copy(value, 0) as T;
}

function copy(value: unknown, depth: number): unknown {
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copy(value[i], depth + 1);
    return Object.freeze(items);
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const key of Object.keys(from)) out[key] = copy(from[key], depth + 1);
  return Object.freeze(out);
}

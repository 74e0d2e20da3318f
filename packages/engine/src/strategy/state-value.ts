import { ArgoError } from "@argo/core";

const RULE = "state values are JSON data: plain objects, arrays, strings, finite numbers, booleans and null";

/**
 * A deep, frozen copy of a state value: exactly what the journal will hold and a restart will give back, so a value
 * the strategy keeps changing in place cannot differ from the saved one. What JSON would not keep as it is (a function,
 * Map, Set, bigint, class instance, NaN or Infinity, undefined in an array, a circular reference) is refused with
 * STRATEGY_ERROR naming the key, where in the value it sits, and what it holds. Undefined object properties are left
 * out, as JSON leaves them out (reading them gives undefined either way).
 */
export function frozenStateValue(key: string, value: unknown): unknown {
  try {
    return copy(value, []);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const path = key + error.path.reverse().join("");
    const where = error.path.length === 0 ? "" : ` at ${path}`;
    throw new ArgoError("STRATEGY_ERROR", `state "${key}"${where} holds ${error.what}: ${error.why}; ${RULE}`, { details: { key, path } });
  }
}

/** Thrown inside the copy; each container on the way out adds its segment, so no path is built for a value that is fine. */
class Refusal {
  readonly path: string[] = [];
  constructor(
    readonly what: string,
    readonly why: string,
  ) {}
}

function copy(value: unknown, ancestors: object[]): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new Refusal(String(value), "JSON would save it as null");
      return value === 0 ? 0 : value; // -0 comes back from JSON as 0
    case "object": {
      if (value === null) return null;
      // The objects on the way down from the top: depth is small, so a list beats a Set made for every call.
      if (ancestors.includes(value)) throw new Refusal("a circular reference", "JSON cannot hold it");
      ancestors.push(value);
      const out = Array.isArray(value) ? copyArray(value, ancestors) : copyObject(value, ancestors);
      ancestors.pop();
      return out;
    }
    case "undefined":
      throw new Refusal("undefined", "JSON would save it as null");
    case "bigint":
      throw new Refusal("a bigint", "JSON cannot hold one (store it as a string)");
    default:
      throw new Refusal(`a ${typeof value}`, "JSON would leave it out");
  }
}

function copyArray(value: readonly unknown[], ancestors: object[]): readonly unknown[] {
  const out = new Array<unknown>(value.length);
  let i = 0;
  try {
    // Holes read as undefined and are refused like it: JSON would save them as null.
    for (; i < value.length; i++) out[i] = copy(value[i], ancestors);
  } catch (error) {
    if (error instanceof Refusal) error.path.push(`[${i}]`);
    throw error;
  }
  return Object.freeze(out);
}

function copyObject(value: object, ancestors: object[]): object {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) throw new Refusal(describeInstance(value), saved(value));
  const out: Record<string, unknown> = {};
  let name = "";
  try {
    for (name in value) {
      const field = (value as Record<string, unknown>)[name];
      if (field === undefined) continue;
      // An own "__proto__" key (JSON.parse makes one) assigned plainly would set the copy's prototype instead.
      if (name === "__proto__") Object.defineProperty(out, name, { value: copy(field, ancestors), enumerable: true, writable: true, configurable: true });
      else out[name] = copy(field, ancestors);
    }
  } catch (error) {
    if (error instanceof Refusal) error.path.push(`.${name}`);
    throw error;
  }
  return Object.freeze(out);
}

function describeInstance(value: object): string {
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  if (value instanceof Date) return "a Date";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name} instance` : "a class instance";
}

/** What JSON would make of an instance instead of the instance. */
function saved(value: object): string {
  if (value instanceof Date) return "JSON would save it as a string (store its getTime())";
  if (value instanceof Map || value instanceof Set) return "JSON would save it as {} (store an object or an array)";
  return "JSON would save its own fields only and restore a plain object";
}

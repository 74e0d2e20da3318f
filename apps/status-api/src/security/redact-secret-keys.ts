import { REDACTED } from "@argo/core";

/** Key names treated as secret wherever they appear, whatever the schema says. */
export const SECRET_KEY_PATTERN = /key|secret|token|password|passphrase/i;

/**
 * A deep copy of `value` with the value of every key that looks secret replaced by "[REDACTED]".
 * Defence in depth: the session already redacts by schema, this catches what a schema missed.
 */
export function redactSecretKeys(value: unknown, seen: Set<object> = new Set()): unknown {
  if (Array.isArray(value)) {
    if (seen.has(value)) return "[Circular]";
    seen.add(value);
    const out = value.map((item) => redactSecretKeys(item, seen));
    seen.delete(value);
    return out;
  }
  if (value && typeof value === "object") {
    if (seen.has(value)) return "[Circular]";
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY_PATTERN.test(key) && item !== undefined && item !== null ? REDACTED : redactSecretKeys(item, seen);
    }
    // Only ancestors count as cycles; the same object shared twice is printed twice.
    seen.delete(value);
    return out;
  }
  return value;
}

/** A raw config section as a mapping: the value itself when it is one, else an empty one (its shape is checked elsewhere). */
export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

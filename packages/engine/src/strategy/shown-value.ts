/**
 * A value as a message about a wrong field shows it: a number as JavaScript prints it (NaN, Infinity); a string quoted and
 * marked as one, so `"10"` given for 10 reads as `the string "10"` rather than looking like the number it is not.
 */
export function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `the string ${quoted(value)}`;
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

/** A string in quotes, cut at 40 characters: a message names the value without echoing a page of it. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

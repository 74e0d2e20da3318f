/**
 * How the shape checks name what they found. A venue may echo a credential in any text field, so a value is shown by its
 * kind, or as the number it is (NaN, -1, 1e+21 are never a credential); a string's content never.
 */

/** What a value is, for a message: its kind, or the number itself. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Text a venue sent, quoted when it looks like a symbol or a status word (short, no spaces, as a key or token is not),
 * else only by its length: enough to find the field without printing a credential a venue echoed into it.
 */
export function shownText(text: string): string {
  return /^[\w.:/-]{1,24}$/.test(text) ? `"${text}"` : `(${text.length} characters, not shown)`;
}

/** Prefixes a problem with where it was found, keeping undefined. */
export function within(where: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${where} ${problem}`;
}

/** A field that must be a finite number (a string of digits is not one), with a sign where `rule` asks for it. */
export function amountProblem(field: string, value: unknown, rule: "above 0" | "at least 0" | "any"): string | undefined {
  const wanted = rule === "any" ? "a finite number" : rule === "above 0" ? "a finite number above 0" : "a finite number of 0 or more";
  // A venue's decimal text ("0.05000000") must be parsed at the boundary: the engine does not read it as a number.
  const hint = typeof value === "string" ? " (parse the venue's text into a number)" : "";
  if (typeof value !== "number" || !Number.isFinite(value)) return `has ${an(field)} that is ${kindOf(value)}, not ${wanted}${hint}`;
  if ((rule === "above 0" && !(value > 0)) || (rule === "at least 0" && value < 0)) return `has ${an(field)} of ${value}, not ${wanted}`;
  return undefined;
}

/** A time field: epoch milliseconds, a finite number. */
export function timeProblem(field: string, value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? undefined : `has ${an(field)} that is ${kindOf(value)}, not a time (epoch milliseconds)`;
}

/** A field that must be non-empty text (an id, a symbol). */
export function textProblem(field: string, value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? undefined : `has ${an(field)} that is ${kindOf(value)}, not a non-empty string`;
}

/**
 * Whether a venue's order id fits: text, as the contract and the journal keep it. A number (a raw exchange id passed on
 * unconverted) would be stored as its digits and read back as a string, so the same order would not compare equal
 * across a restart. Absent (undefined, or null from a JSON body) means the venue gave none yet.
 */
export function venueIdFits(id: unknown): boolean {
  return id === undefined || id === null || typeof id === "string";
}

/** The problem of a venueOrderId that does not fit ({@link venueIdFits}). */
export function venueIdProblem(id: unknown): string | undefined {
  return venueIdFits(id) ? undefined : `has a venueOrderId that is ${kindOf(id)}, not a string`;
}

/** A field's name with its article ("an equity", "a fee"). */
function an(field: string): string {
  return `${/^[aeiou]/i.test(field) ? "an" : "a"} ${field}`;
}

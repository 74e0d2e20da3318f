const CALLBACKS = ["init", "onOrderUpdate", "onStop"] as const;

/**
 * What makes a strategy definition unusable, named for its author, or undefined when it is sound. `defineStrategy` only
 * types the definition; a JavaScript strategy (or one cast past the types) reaches the engine unchecked, and a missing
 * config schema would otherwise fail deep in validation with an engine-internal message.
 */
export function definitionProblem(strategy: object): string | undefined {
  const s = strategy as Partial<Record<string, unknown>>;
  if (typeof s.name !== "string" || s.name.length === 0) return `name must be a non-empty string, got ${describe(s.name)}`;
  if (typeof s.onBar !== "function") return `onBar must be a function, got ${describe(s.onBar)}`;
  const config = s.config as { "~run"?: unknown } | undefined;
  if (typeof config !== "object" || config === null || typeof config["~run"] !== "function") {
    return `config must be a valibot schema (e.g. v.strictObject({}) for no settings), got ${describe(s.config)}`;
  }
  for (const name of CALLBACKS) {
    if (s[name] !== undefined && typeof s[name] !== "function") return `${name} must be a function when given, got ${describe(s[name])}`;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === "object" ? "an object" : typeof value;
}

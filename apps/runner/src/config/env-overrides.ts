import { asRecord } from "./as-record.ts";
import { type SchemaLookup, type SchemaNode, declaredKeys, unwrap } from "./config-schema-at.ts";
import { envValue, expectsList } from "./env-value.ts";

/** Prefix of environment variables that override config keys: ARGO__SECTION__KEY=value. */
export const OVERRIDE_PREFIX = "ARGO__";

/** One ARGO__ variable as applied: the config keys it set, and which of them it created (the config given had not). */
export interface EnvOverride {
  variable: string;
  keys: string[];
  /** Index in `keys` of the first key the variable created; `keys.length` when the config given had the whole path. */
  createdFrom: number;
}

/**
 * Applies ARGO__SECTION__KEY[__SUBKEY…] variables onto a parsed config: `ARGO__ENGINE__INTERVAL=5m` sets engine.interval,
 * `ARGO__TRADING__CONFIG__INITIAL_CAPITAL=5000` sets trading.config.initialCapital. Each name part is matched, ignoring
 * case and underscores, against the keys the schema declares there (see `schemaAt`), then against the keys already in
 * the file, and is lower-cased only when neither knows it; where the schema there is a record (keyed by symbol) the part
 * is the key as written. Values are read as YAML scalars (numbers, booleans), except
 * where the field takes only text (a token of digits stays text); a list field takes `[A, B]` or `A,B`.
 */
export function applyEnvOverrides(config: Record<string, unknown>, env: Record<string, string | undefined>, schemaAt: SchemaLookup = () => undefined): Record<string, unknown> {
  return traceEnvOverrides(config, env, schemaAt).config;
}

/** {@link applyEnvOverrides}, also saying what each variable set: a problem there is the variable's, not the file's. */
export function traceEnvOverrides(
  config: Record<string, unknown>,
  env: Record<string, string | undefined>,
  schemaAt: SchemaLookup = () => undefined,
): { config: Record<string, unknown>; overrides: EnvOverride[] } {
  const out = structuredClone(config);
  const overrides: EnvOverride[] = [];
  for (const [name, raw] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.startsWith(OVERRIDE_PREFIX) || raw === undefined) continue;
    const parts = name.slice(OVERRIDE_PREFIX.length).split("__").filter(Boolean);
    if (parts.length === 0) continue;
    const keys: string[] = [];
    let createdFrom = parts.length;
    let node: Record<string, unknown> = out;
    // The same place in the config as given: a key another variable created is not the file's either.
    let given: unknown = config;
    for (let i = 0; i < parts.length; i++) {
      const key = matchKey(schemaAt(keys), node, parts[i]!);
      keys.push(key);
      const inGiven = Object.hasOwn(asRecord(given), key);
      if (!inGiven && createdFrom === parts.length) createdFrom = i;
      given = inGiven ? asRecord(given)[key] : undefined;
      if (i === parts.length - 1) node[key] = overrideValue(raw, schemaAt(keys));
      else {
        if (!node[key] || typeof node[key] !== "object" || Array.isArray(node[key])) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    }
    overrides.push({ variable: name, keys, createdFrom });
  }
  return { config: out, overrides };
}

// INITIAL_CAPITAL, INITIALCAPITAL and initialCapital are one key; so are MARKET_DATA and market_data.
const squash = (s: string) => s.toLowerCase().replaceAll("_", "");

function matchKey(schema: SchemaNode | undefined, node: Record<string, unknown>, part: string): string {
  // A record's keys are data (symbols in risk.symbols, a venue's symbolRules): a key the file has is matched ignoring
  // case only (environment names are upper case by habit), else the part is kept as written: BTCUSD stays BTCUSD
  // (lower-cased, a check against the session's symbols would see a key nobody wrote), and BTC_USD is another key.
  if (unwrap(schema)?.type === "record") return Object.keys(node).find((existing) => existing.toLowerCase() === part.toLowerCase()) ?? part;
  return (
    declaredKeys(schema).find((key) => squash(key) === squash(part)) ??
    Object.keys(node).find((existing) => squash(existing) === squash(part)) ??
    part.toLowerCase()
  );
}

function overrideValue(raw: string, schema: SchemaNode | undefined): unknown {
  return expectsList(schema) ? listValue(raw) : envValue(raw, parseScalar(raw), schema);
}

/** `[A, B]` as YAML (so `[1, 2]` are numbers), else a comma list as `--symbols` takes it. */
function listValue(raw: string): unknown {
  const text = raw.trim();
  if (text.startsWith("[")) {
    try {
      const parsed = Bun.YAML.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // left as text: the schema's "expected array" names the field
    }
    return raw;
  }
  return text.split(",").map((item) => item.trim()).filter(Boolean);
}

function parseScalar(raw: string): unknown {
  try {
    const parsed = Bun.YAML.parse(raw);
    return parsed === null || typeof parsed === "object" ? raw : parsed;
  } catch {
    return raw;
  }
}

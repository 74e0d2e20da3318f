import { asRecord } from "./as-record.ts";
import { type SchemaLookup, type SchemaNode, declaredKeys, unwrap } from "./config-schema-at.ts";
import { envOverrideClashes } from "./env-override-clashes.ts";
import { goesIntoList, itemsHaveKeys, listIndex, listIndexProblem, wantsMapping } from "./env-list-index.ts";
import { envValue, expectsList } from "./env-value.ts";

/** Prefix of environment variables that override config keys: ARGO__SECTION__KEY=value. */
export const OVERRIDE_PREFIX = "ARGO__";

/** One ARGO__ variable as applied: the config keys it set, and which of them it created (the config given had not). */
export interface EnvOverride {
  variable: string;
  keys: string[];
  /** Index in `keys` of the first key the variable created; `keys.length` when the config given had the whole path. */
  createdFrom: number;
  /** Indexes in `keys` of the list items the path goes through (`keys.slice(0, i)` is the list): absent when none. */
  items?: number[];
  /**
   * Why the variable was not applied: its path goes through a list by no index the list can take, or through a value
   * (`keys` then ends at the list or the value), or another variable sets the same key or one around it (`keys` is
   * then the outer key). `keys` is where this is the problem. Absent when applied.
   */
  refused?: string;
}

/**
 * Applies ARGO__SECTION__KEY[__SUBKEY…] variables onto a parsed config: `ARGO__ENGINE__INTERVAL=5m` sets engine.interval,
 * `ARGO__TRADING__CONFIG__INITIAL_CAPITAL=5000` sets trading.config.initialCapital. Each name part is matched, ignoring
 * case and underscores, against the keys the schema declares there (see `schemaAt`), then against the keys already in
 * the file, and is lower-cased only when neither knows it; where the schema there is a record (keyed by symbol) the part
 * is the key as written. Where the path goes through a list, the part is an item's index: one the list has (changed in
 * a copy of the list, the other items kept) or exactly the next (added); any other is refused (`EnvOverride.refused`).
 * Values are read as YAML scalars (numbers, booleans), except
 * where the field takes only text (a token of digits stays text); a list field takes `[A, B]` or `A,B`. A variable set
 * to nothing is refused, not applied.
 */
export function applyEnvOverrides(config: Record<string, unknown>, env: Record<string, string | undefined>, schemaAt: SchemaLookup = () => undefined): Record<string, unknown> {
  return traceEnvOverrides(config, env, schemaAt).config;
}

type Container = Record<string, unknown> | unknown[];

/**
 * {@link applyEnvOverrides}, also saying what each variable set: a problem there is the variable's, not the file's.
 * Variables that set one key under two spellings, or a key and what is inside it, are refused (see envOverrideClashes)
 * and the others applied without them: which of them won would otherwise be down to the order of their names.
 */
export function traceEnvOverrides(
  config: Record<string, unknown>,
  env: Record<string, string | undefined>,
  schemaAt: SchemaLookup = () => undefined,
): { config: Record<string, unknown>; overrides: EnvOverride[] } {
  // Numeric order, so ARGO__…__2 adds its item after ARGO__…__1 and before ARGO__…__10.
  const names = Object.keys(env)
    .filter((name) => name.startsWith(OVERRIDE_PREFIX) && env[name] !== undefined && nameParts(name).length > 0)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const clashing = new Map<string, EnvOverride>();
  // Each round refuses at least one more variable, so this ends.
  for (;;) {
    const applied = applyVariables(config, env, names.filter((name) => !clashing.has(name)), schemaAt);
    const clashes = envOverrideClashes(applied.overrides, OVERRIDE_PREFIX);
    if (clashes.length === 0) {
      const overrides = names.map((name) => clashing.get(name) ?? applied.overrides.find((override) => override.variable === name)!);
      return { config: applied.config, overrides };
    }
    for (const clash of clashes) clashing.set(clash.variable, clash);
  }
}

function applyVariables(config: Record<string, unknown>, env: Record<string, string | undefined>, names: readonly string[], schemaAt: SchemaLookup) {
  // A copy: a list the variables change is the copy's, never the caller's.
  const out = structuredClone(config);
  const overrides = names.map((name) => {
    const resolved = resolvePath(name, nameParts(name), out, config, schemaAt);
    // Set to nothing, a variable is more likely a shell or compose file's unset value than a wish for "" (or an empty
    // list): refused at its key, naming it, as an empty flag or ${VAR} is, and the file's value left as it was.
    const override = resolved.refused === undefined && env[name] === "" ? { ...resolved, refused: emptyVariableProblem(name) } : resolved;
    if (override.refused === undefined) setAt(out, override, overrideValue(env[name]!, schemaAt(override.keys)));
    return override;
  });
  return { config: out, overrides };
}

/** Why a variable set to nothing is refused. */
const emptyVariableProblem = (variable: string) =>
  `${variable} is set but empty: give it a value, or unset it to keep the file's value (an empty value is refused wherever it comes from)`;

const nameParts = (name: string) => name.slice(OVERRIDE_PREFIX.length).split("__").filter(Boolean);

/** The keys a variable's parts name in `out`, read without changing it, so a refused variable changes nothing. */
function resolvePath(variable: string, parts: readonly string[], out: Record<string, unknown>, config: Record<string, unknown>, schemaAt: SchemaLookup): EnvOverride {
  const keys: string[] = [];
  const items: number[] = [];
  let createdFrom = parts.length;
  let node: unknown = out;
  // The same place in the config as given: a key another variable created is not the file's either.
  let given: unknown = config;
  for (let i = 0; i < parts.length; i++) {
    const schema = schemaAt(keys);
    // Through a value the file (or another variable) set where no mapping belongs: what the variable made of it would
    // be blamed on the file, and the value lost.
    if (isValue(node) && !wantsMapping(schema)) {
      return { variable, keys, createdFrom: Math.min(createdFrom, keys.length), refused: throughValueProblem(variable, parts, i, expectsList(schema)) };
    }
    let key: string;
    if (goesIntoList(node, schema)) {
      const list = { length: Array.isArray(node) ? node.length : 0, itemsHaveKeys: itemsHaveKeys(node, schemaAt([...keys, "0"])) };
      const refused = listIndexProblem(variable, OVERRIDE_PREFIX, parts, i, list);
      if (refused !== undefined) return { variable, keys, createdFrom: Math.min(createdFrom, keys.length), refused };
      key = parts[i]!;
      items.push(i);
    } else key = matchKey(schema, asRecord(node), parts[i]!);
    keys.push(key);
    const inGiven = holds(given, key);
    if (!inGiven && createdFrom === parts.length) createdFrom = i;
    given = inGiven ? childAt(given, key) : undefined;
    node = childAt(node, key);
  }
  return { variable, keys, createdFrom, ...(items.length > 0 ? { items } : {}) };
}

/** Sets the value at `keys`, making what is missing on the way: a list where resolvePath went by index, else a mapping. */
function setAt(out: Record<string, unknown>, { keys, items = [] }: EnvOverride, value: unknown): void {
  let node: Container = out;
  for (let i = 0; i < keys.length - 1; i++) {
    const list = items.includes(i + 1);
    let child = childAt(node, keys[i]!);
    // A scalar where a mapping belongs (the file's mistake; resolvePath refused any other), or a list there, is
    // replaced; a list it goes into is the copy's.
    if (!child || typeof child !== "object" || Array.isArray(child) !== list) {
      child = list ? [] : {};
      putAt(node, keys[i]!, child);
    }
    node = child as Container;
  }
  putAt(node, keys[keys.length - 1]!, value);
}

const isValue = (value: unknown) => value !== undefined && value !== null && typeof value !== "object";

/** Why a variable cannot go into the value `parts[0..at)` names: it is no section (or list) to set a key (an item) of. */
function throughValueProblem(variable: string, parts: readonly string[], at: number, list: boolean): string {
  const whole = `${OVERRIDE_PREFIX}${parts.slice(0, at).join("__")}`;
  return list
    ? `a value, not a list: ${variable} sets an item of it; set the list whole instead, e.g. ${whole}='[…]'`
    : `a value, not a section: ${variable} sets a key inside it; set the value itself instead, e.g. ${whole}=…`;
}

function holds(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return (listIndex(key) ?? Infinity) < value.length;
  return Object.hasOwn(asRecord(value), key);
}

function childAt(value: unknown, key: string): unknown {
  return holds(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function putAt(node: Container, key: string, value: unknown): void {
  if (Array.isArray(node)) node[Number(key)] = value;
  else node[key] = value;
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

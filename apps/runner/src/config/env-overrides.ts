/** Prefix of environment variables that override config keys: ARGO__SECTION__KEY=value. */
export const OVERRIDE_PREFIX = "ARGO__";

/**
 * Applies ARGO__SECTION__KEY[__SUBKEY…] variables onto a parsed config: `ARGO__ENGINE__INTERVAL=5m` sets engine.interval,
 * `ARGO__TRADING__CONFIG__INITIAL_CAPITAL=5000` sets trading.config.initial_capital (keys are lower-cased; a key that
 * exists in the file keeps its spelling). Values are read as YAML scalars, so numbers and booleans keep their type.
 */
export function applyEnvOverrides(config: Record<string, unknown>, env: Record<string, string | undefined>): Record<string, unknown> {
  const out = structuredClone(config);
  for (const [name, raw] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.startsWith(OVERRIDE_PREFIX) || raw === undefined) continue;
    const keys = name.slice(OVERRIDE_PREFIX.length).split("__").filter(Boolean);
    if (keys.length === 0) continue;
    let node: Record<string, unknown> = out;
    for (let i = 0; i < keys.length; i++) {
      const key = matchKey(node, keys[i]!);
      if (i === keys.length - 1) node[key] = parseScalar(raw);
      else {
        if (!node[key] || typeof node[key] !== "object" || Array.isArray(node[key])) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    }
  }
  return out;
}

function matchKey(node: Record<string, unknown>, key: string): string {
  const lower = key.toLowerCase();
  // camelCase keys of provider configs (initialCapital) match INITIALCAPITAL or INITIAL_CAPITAL.
  const squash = (s: string) => s.toLowerCase().replaceAll("_", "");
  return Object.keys(node).find((existing) => existing === key || existing.toLowerCase() === lower || squash(existing) === squash(key)) ?? lower;
}

function parseScalar(raw: string): unknown {
  try {
    const parsed = Bun.YAML.parse(raw);
    return parsed === null || typeof parsed === "object" ? raw : parsed;
  } catch {
    return raw;
  }
}

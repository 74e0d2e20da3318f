import type { SchemaLookup } from "./config-schema-at.ts";
import { readStructuredFlag } from "./read-structured-flag.ts";
import type { SubstitutionProblem } from "./substitute-env.ts";
import type { SessionProviders } from "./session-providers.ts";

type Raw = Record<string, unknown>;
type Flags = Record<string, string | boolean | string[] | undefined>;

/** What `${VAR}` in a `--*-config` file is replaced from, as in the config file: the environment and the config's schemas. */
export interface FlagEnvironment {
  env: Record<string, string | undefined>;
  schemaAt?: SchemaLookup;
  /** Where a file's unset variables and malformed `${` are reported; without it the first one is thrown. */
  problems?: SubstitutionProblem[];
}

/** The section a flag writes into: the file's own when it is a mapping, else a new one (the flag wins over it). */
const section = (raw: Raw, key: string): Raw => {
  const existing = raw[key];
  if (existing && typeof existing === "object" && !Array.isArray(existing)) return existing as Raw;
  const created: Raw = {};
  raw[key] = created;
  return created;
};

/** A flag's text value; undefined when not given (parseCli refuses an empty one before it gets here). */
export const flagText = (flags: Flags, name: string) => (typeof flags[name] === "string" && flags[name] !== "" ? (flags[name] as string) : undefined);

/** The symbols a `--symbols` value names: comma separated, blanks dropped. */
export function splitSymbols(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

/** The providers a session uses: a provider flag names one over what the file (or ARGO__) names. */
export function providersWithFlags(named: SessionProviders, flags: Flags): SessionProviders {
  return { ...named, trading: flagText(flags, "trading-provider") ?? named.trading, marketData: flagText(flags, "market-data-provider") ?? named.marketData };
}

/**
 * Applies command-line flags on top of the file and environment: flags win. Returns a new object. A section no flag
 * writes into is left as the file has it, so a section of the wrong type is reported by validation at its path. A
 * provider flag sets the provider only: the file's config of another provider is dropped by dropOtherProviderConfigs.
 */
export async function applyFlags(input: Raw, flags: Flags, cwd: string, environment: FlagEnvironment = { env: {} }): Promise<Raw> {
  const raw = structuredClone(input);
  const str = (name: string) => flagText(flags, name);
  const read = (flag: string, keys: readonly string[]) => readStructuredFlag(flag, str(flag)!, cwd, { ...environment, keys });
  if (str("strategy")) section(raw, "strategy").path = str("strategy");
  if (str("strategy-config")) section(raw, "strategy").config = await read("strategy-config", ["strategy", "config"]);
  for (const [flagPrefix, key] of [["market-data", "market_data"], ["trading", "trading"]] as const) {
    const provider = str(`${flagPrefix}-provider`);
    const config = str(`${flagPrefix}-config`);
    if (!provider && !config) continue;
    const target = section(raw, key);
    // The config stays: the file's, when it was another provider's, was dropped before the ARGO__ variables applied
    // (dropOtherProviderConfigs), and what they set is for the provider the session uses.
    if (provider) target.provider = provider;
    if (config) target.config = await read(`${flagPrefix}-config`, [key, "config"]);
  }
  if (str("symbols")) section(raw, "engine").symbols = splitSymbols(str("symbols")!);
  if (str("interval")) section(raw, "engine").interval = str("interval");
  if (str("data-dir")) section(raw, "engine").data_dir = str("data-dir");
  if (str("status-port")) section(raw, "status").port = Number(str("status-port"));
  if (str("log-level")) section(raw, "log").level = str("log-level");
  if (str("from")) section(raw, "backtest").from = str("from");
  if (str("to")) section(raw, "backtest").to = str("to");
  if (str("output")) section(raw, "backtest").output_dir = str("output");
  if (flags["no-progress"] === true) section(raw, "backtest").progress = false;
  return raw;
}

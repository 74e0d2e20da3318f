import { readStructuredFlag } from "./read-structured-flag.ts";

type Raw = Record<string, unknown>;
type Flags = Record<string, string | boolean | string[] | undefined>;

const section = (raw: Raw, key: string): Raw => {
  const existing = raw[key];
  if (existing && typeof existing === "object" && !Array.isArray(existing)) return existing as Raw;
  const created: Raw = {};
  raw[key] = created;
  return created;
};

/** Applies command-line flags on top of the file and environment: flags win. Returns a new object. */
export async function applyFlags(input: Raw, flags: Flags, cwd: string): Promise<Raw> {
  const raw = structuredClone(input);
  const str = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
  if (str("strategy")) section(raw, "strategy").path = str("strategy");
  if (str("strategy-config")) section(raw, "strategy").config = await readStructuredFlag("strategy-config", str("strategy-config")!, cwd);
  for (const [flagPrefix, key] of [["market-data", "market_data"], ["trading", "trading"]] as const) {
    const provider = str(`${flagPrefix}-provider`);
    const target = section(raw, key);
    if (provider && provider !== target.provider) {
      target.provider = provider;
      // The file's config belonged to another provider; it would only produce confusing errors.
      delete target.config;
    }
    const config = str(`${flagPrefix}-config`);
    if (config) target.config = await readStructuredFlag(`${flagPrefix}-config`, config, cwd);
  }
  if (str("symbols")) section(raw, "engine").symbols = str("symbols")!.split(",").map((s) => s.trim()).filter(Boolean);
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

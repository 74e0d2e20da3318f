import type * as v from "valibot";
import type { ConfigIssue } from "../config/config-issue.ts";
import type { Capabilities } from "./capabilities.ts";
import type { MarketDataProvider } from "./market-data-provider.ts";
import type { TradingProvider } from "./trading-provider.ts";

/** Any valibot schema a provider's config can be described with. */
export type ConfigSchema = v.GenericSchema<unknown, unknown>;

/** Kind of provider: it executes orders or it supplies bars. */
export type ProviderKind = "trading" | "market-data";

/** The instance type a provider of each kind creates. */
export interface ProviderInstances {
  trading: TradingProvider;
  "market-data": MarketDataProvider;
}

/** Everything the registry knows about a provider, and how to make one. */
export interface ProviderDefinition<K extends ProviderKind = ProviderKind, S extends ConfigSchema = ConfigSchema> {
  /** Unique, kebab-case: "paper", "binance-live". */
  name: string;
  displayName: string;
  description: string;
  /** False means real money: the runner asks for confirmation first. */
  isPaperTrading: boolean;
  kind: K;
  configSchema: S;
  capabilities: Capabilities;
  /** Package that registered it; lets the registry tell a re-import from a name clash. */
  packageName: string;
  /** Creates an instance from an already-validated config. */
  create(config: v.InferOutput<S>): ProviderInstances[K] | Promise<ProviderInstances[K]>;
  /**
   * Optional: what is wrong with using an already-validated config for a session's symbols and interval, found without
   * connecting or reading data (at most a look at whether a named file exists: a replay provider with no file for a
   * symbol), each with its path inside the config. `argo validate` (and every
   * runner command) reports these with the config's other problems, before anything connects or trades.
   */
  checkSession?(config: v.InferOutput<S>, session: ProviderSession): ConfigIssue[];
}

/** The part of a session a provider's config must fit: its symbols and bar interval, and a backtest's range. */
export interface ProviderSession {
  symbols: readonly string[];
  interval: string;
  /**
   * Only when the session is a backtest with a range: the bars it replays open in [from, to) (epoch ms; an open end is
   * -Infinity or Infinity). A market data provider whose bars for a symbol all miss it can say so before the run stops
   * with "no bars".
   */
  range?: { from: number; to: number };
}

/** Identity of a provider as listed and shown, without its schema or factory. */
export interface ProviderInfo {
  name: string;
  displayName: string;
  description: string;
  isPaperTrading: boolean;
  kind: ProviderKind;
  packageName: string;
  capabilities: Capabilities;
}

/** Type helper for plugin authors: checks a definition and keeps its config type. */
export function defineProvider<K extends ProviderKind, S extends ConfigSchema>(
  definition: ProviderDefinition<K, S>,
): ProviderDefinition<K, S> {
  return definition;
}

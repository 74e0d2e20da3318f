import { INTERVAL_PATTERN, intervalProblem, type MarketDataProvider, type TradingProvider } from "@argo/core";
import * as v from "valibot";
import { DEFAULT_CACHE_SIZE } from "../cache/market-cache.ts";
import type { JournalOptions } from "../journal/journal.ts";
import { riskConfigSchema, type RiskConfigInput } from "../risk/risk-config.ts";
import { untradedRiskSymbolMessage, untradedRiskSymbols } from "../risk/untraded-risk-symbols.ts";
import type { StrategySource } from "../strategy/load-strategy.ts";
import type { Logger } from "../strategy/logger.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";
import { DEFAULT_VENUE_CALL_TIMEOUT_MS } from "./venue-deadline.ts";

/** A provider by registry name and config (validated and created through the core registry), or a ready instance. */
export type ProviderSpec<P> = { provider: string; config?: unknown } | P;

const symbolsSchema = v.pipe(
  v.array(v.pipe(
    v.string(),
    v.nonEmpty("must not be empty"),
    // "BTC " from a hand-edited file is not the venue's "BTC": every lookup would miss it with a puzzling error later.
    // A space inside stays allowed (Interactive Brokers writes "BRK B").
    v.check((symbol) => symbol.trim() === symbol, "must not start or end with white space"),
    v.check((symbol) => !/\p{Cc}/u.test(symbol), "must not contain control characters (a tab, a line break)"),
  )),
  v.minLength(1, "needs at least one symbol"),
  // A repeated symbol would be fed twice: in a backtest every second copy of a bar is dropped as stale.
  v.check((symbols) => new Set(symbols).size === symbols.length, "must not name a symbol twice"),
  v.description("Symbols to stream and trade."),
);

/**
 * Plain-data engine settings as they appear in a session config file; validated with {@link engineSettingsSchema}. A
 * pipe over the object keeps its `entries`, which the runner's config schema reuses field by field.
 */
export const engineSettingsSchema = v.pipe(v.strictObject({
  symbols: symbolsSchema,
  // Core's one spelling of an interval: a zero count ("0m") is none, and "05m" would not match a provider's "5m".
  interval: v.pipe(
    v.string(),
    v.regex(INTERVAL_PATTERN, 'must be a number and a unit (s, m, h, d, w, M), e.g. "1m" (a whole number from 1, without leading zeros)'),
    // A malformed one is the regex's to name: one issue per mistake.
    v.check((interval) => !INTERVAL_PATTERN.test(interval) || intervalProblem(interval) === undefined, 'must be at most a year long (366 days, e.g. "52w" or "12M")'),
    v.description("Bar interval."),
  ),
  cacheSize: v.optional(
    v.pipe(v.number(), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.description("Bars kept per symbol for history and indicators.")),
    DEFAULT_CACHE_SIZE,
  ),
  sessionDir: v.optional(v.pipe(v.string(), v.nonEmpty(), v.description("Directory of the session journal (bars, orders, fills, state); none = no journal."))),
  cancelOpenOrdersOnStop: v.optional(v.pipe(v.boolean(), v.description("Cancel open orders when the engine stops (default: leave them working).")), false),
  mode: v.optional(v.picklist(["backtest", "paper", "live"]), undefined),
  venueCallTimeoutMs: v.optional(
    v.pipe(
      v.number(), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.maxValue(2_147_483_647, "must fit a timer (at most 2147483647 ms)"),
      v.description("Milliseconds to wait for a venue's answer to a call (connect, account reads, place, cancel, lookup, disconnect); an order call past it has an unknown outcome. Also how long, once the session is stopped, a strategy callback in progress (and onStop) may take to settle before the run ends without it."),
    ),
    DEFAULT_VENUE_CALL_TIMEOUT_MS,
  ),
  risk: v.optional(riskConfigSchema, {}),
}), v.rawCheck(({ dataset, addIssue }) => riskSymbolIssues(dataset.value, addIssue)));

/**
 * `risk.symbols` keys the session does not trade (untradedRiskSymbols), so a library session refuses what `argo
 * validate` does. Only against valid symbols: a bad list is reported there. Runs even when other fields have issues
 * (every problem at once), so it reads the value as given, not as typed.
 */
function riskSymbolIssues(
  value: unknown,
  addIssue: (info: { message: string; received: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
): void {
  if (typeof value !== "object" || value === null) return;
  const { symbols, risk } = value as { symbols?: unknown; risk?: unknown };
  const limits = typeof risk === "object" && risk !== null ? (risk as { symbols?: unknown }).symbols : undefined;
  if (!v.is(symbolsSchema, symbols)) return;
  for (const symbol of untradedRiskSymbols(symbols, limits)) {
    const limitsObject = limits as Record<string, unknown>;
    addIssue({
      message: untradedRiskSymbolMessage(symbols),
      // What was received is the key, not the whole settings object valibot would otherwise describe.
      received: JSON.stringify(symbol),
      path: [
        { type: "object", origin: "value", input: value as Record<string, unknown>, key: "risk", value: risk },
        { type: "object", origin: "value", input: risk as Record<string, unknown>, key: "symbols", value: limits },
        { type: "object", origin: "value", input: limitsObject, key: symbol, value: limitsObject[symbol] },
      ],
    });
  }
}

/** Engine settings as a user writes them. */
export type EngineSettingsInput = v.InferInput<typeof engineSettingsSchema>;

/** Everything the live engine is built from. */
export interface LiveEngineOptions {
  symbols: string[];
  interval: string;
  /** Bars kept per symbol (ring buffer); default 1000. */
  cacheSize?: number;
  marketData: ProviderSpec<MarketDataProvider>;
  trading: ProviderSpec<TradingProvider>;
  strategy: StrategySource;
  strategyConfig?: unknown;
  /** Directory relative strategy paths resolve from; default process.cwd(). */
  baseDir?: string;
  risk?: RiskConfigInput;
  /** Directory of the session journal; without it nothing is written to disk. */
  sessionDir?: string;
  journal?: JournalOptions;
  /**
   * Secret values of the session's config (API keys, tokens): replaced by "[REDACTED]" in everything the journal writes,
   * as a venue may echo a credential in a rejection reason or any other field. Empty or absent: nothing is scanned.
   */
  secrets?: readonly string[];
  /**
   * A key of the venue account the session trades (a broker config's account id; the runner passes it for a live
   * session): the journal records it with the venue's name, and a live or paper session refuses a journal recorded at
   * another venue or account (INVALID_CONFIGURATION). Default: for a paper session at a simulated venue, its starting
   * cash and currency; otherwise not known, and only the venue's name is compared. Stored scrubbed of `secrets`.
   */
  account?: string;
  /** Default: "paper" when the trading provider is a paper venue, else "live". */
  mode?: EngineMode;
  /** Cancel open orders when the run ends (default false: they keep working at the venue). */
  cancelOpenOrdersOnStop?: boolean;
  /** Logger for the strategy (default: JSON lines on the console). */
  logger?: Logger;
  /**
   * Milliseconds to wait for the venue's answer to a placement, cancel or lookup (default 30,000). Past it the call fails
   * with CONNECTION_LOST and an unknown outcome, so a venue that never answers cannot stall the engine; a placement's
   * client id stays taken and an answer that comes later is still recorded.
   */
  venueCallTimeoutMs?: number;
  /** Prefix of generated client order ids; default "ag<start time base36>-". Must keep ids unique across sessions at the venue. */
  orderIdPrefix?: string;
}

import { barIndexAt } from "../stats/bar-index.ts";
import type { Fill } from "@argo/core";
import type { EngineRunResult } from "../engine/engine-result.ts";
import { RoundTripBuilder } from "../stats/round-trip-builder.ts";
import type { ClosedTrade } from "../stats/types.ts";
import { computeStatistics } from "../stats/compute-statistics.ts";
import type { RunSettings } from "./backtest-options.ts";
import type { BacktestOpenTrade, BacktestResult, BacktestTrade } from "./backtest-result.ts";
import { backtestWarnings } from "./backtest-warnings.ts";
import { largestGap } from "./largest-gap.ts";
import type { RunRecorder } from "./run-recorder.ts";
import type { SettlementClose } from "./settlement-close.ts";
import type { OutsideTurnCalls } from "../engine/strategy-order-gate.ts";

/** What the result is assembled from once the session has ended. */
export interface ResultParts {
  run: EngineRunResult;
  recorder: RunRecorder;
  settings: RunSettings;
  interval: string;
  /** Warm-up in bars of the benchmark symbol (the option, else what the indicators need). */
  warmupBars: number;
  /** Order calls refused because no strategy callback was running, and the first one; undefined when the replay never started. */
  outsideTurn?: OutsideTurnCalls;
}

/** Turns fills into round trips per symbol, the recorded curve into statistics, and packs the result. */
export function buildBacktestResult(parts: ResultParts): BacktestResult {
  const { run, recorder, settings } = parts;
  const times = recorder.steps.column(0);
  const equity = recorder.steps.column(1);
  const closes = backFill(recorder.steps.column(2));
  const candles = recorder.candles();
  const settlement = settlementKeys(recorder.fills, [...recorder.closesOutOfMoney, ...recorder.closesAtEnd]);
  const { trades, openTrades } = roundTrips(recorder.fills, settings.symbols, settlement);
  const warmupBars = warmupStep(times, candles.times, parts.warmupBars);
  const statistics = computeStatistics({
    times, equity, closes, trades, startingCash: recorder.startingEquity, warmupBars, riskFreeRate: settings.riskFreeRate,
  });
  const warnings = backtestWarnings({
    warmupBars: parts.warmupBars, warmupFromIndicators: settings.warmupBars === undefined,
    benchmarkSymbol: settings.benchmarkSymbol, benchmarkBars: candles.times.length,
    firstTime: times[0]!, lastTime: times[times.length - 1]!,
    closeAtEnd: settings.closeAtEnd, cancelledAtEnd: recorder.cancelledAtEnd, closesAtEnd: recorder.closesAtEnd, openOrders: run.openOrders,
    outOfMoney: recorder.outOfMoney, outOfMoneyAtEnd: recorder.outOfMoneyAtEnd,
    cancelledOutOfMoney: recorder.cancelledOutOfMoney, closesOutOfMoney: recorder.closesOutOfMoney, barsAfterStop: recorder.barsAfterStop, largestGap: largestGap(times),
    ...(parts.outsideTurn !== undefined ? { outsideTurn: parts.outsideTurn } : {}),
  });
  return {
    status: run.status,
    ...(run.status === "aborted" ? { abortReason: run.abortReason } : {}),
    symbols: settings.symbols,
    interval: parts.interval,
    benchmarkSymbol: settings.benchmarkSymbol,
    closeAtEnd: settings.closeAtEnd,
    statistics,
    trades,
    openTrades,
    fills: recorder.fills,
    equity: { times, equity, closes },
    candles,
    bars: run.counters.bars,
    warmupBars,
    startingCash: recorder.startingEquity,
    finalEquity: equity[equity.length - 1]!,
    ...(recorder.outOfMoney !== undefined ? { outOfMoney: { ...recorder.outOfMoney } } : {}),
    account: run.account,
    positions: run.positions,
    openOrders: run.openOrders,
    counters: run.counters,
    tradingState: run.tradingState,
    warnings,
    ...(run.journalPath ? { journalPath: run.journalPath } : {}),
    startedAt: run.startedAt,
    endedAt: run.endedAt,
  };
}

/** A symbol's trade: the closed trade's fields after the symbol, written out (a spread copies slowly). */
function symbolTrade(symbol: string, t: ClosedTrade): BacktestTrade {
  return {
    symbol, size: t.size, entryTime: t.entryTime, exitTime: t.exitTime, entryPrice: t.entryPrice, exitPrice: t.exitPrice,
    pnl: t.pnl, returnPct: t.returnPct, fees: t.fees, duration: t.duration,
  };
}

/**
 * Closed and still-open trades of every symbol; closed ones in order of exit (ties in the order of `symbols`). A fill in
 * `keys` counts as of the order named there rather than its own (the pieces of one settlement close).
 */
function roundTrips(
  fills: readonly Fill[],
  symbols: readonly string[],
  keys: ReadonlyMap<Fill, string>,
): { trades: BacktestTrade[]; openTrades: BacktestOpenTrade[] } {
  // One builder per symbol, fed the venue's fills as they are (no per-fill copy); made in the order of the symbols,
  // not of their first fills, so that the stable sort below breaks ties by symbol.
  const bySymbol = new Map<string, RoundTripBuilder>(symbols.map((symbol) => [symbol, new RoundTripBuilder()]));
  for (const fill of fills) {
    let builder = bySymbol.get(fill.symbol);
    if (builder === undefined) bySymbol.set(fill.symbol, (builder = new RoundTripBuilder()));
    const orderId = keys.size === 0 ? fill.clientOrderId : (keys.get(fill) ?? fill.clientOrderId);
    builder.add(fill.side, fill.quantity, fill.price, fill.fee, fill.time, orderId);
  }
  const trades: BacktestTrade[] = [];
  const openTrades: BacktestOpenTrade[] = [];
  for (const [symbol, builder] of bySymbol) {
    for (const trade of builder.trades) trades.push(symbolTrade(symbol, trade));
    for (const lot of builder.openLots()) openTrades.push({ symbol, ...lot });
  }
  if (bySymbol.size > 1) trades.sort((a, b) => a.exitTime - b.exitTime);
  return { trades, openTrades };
}

/**
 * The fills of the engine's settlement closes (the final pass, the close when out of money) that went in pieces, each
 * keyed by the close's first order: the venue refused the whole close, so one position went out in several orders, and
 * as one order they close each trade whole (backtesting.py's close) instead of splitting it at every piece's edge.
 */
function settlementKeys(fills: readonly Fill[], closes: readonly SettlementClose[]): Map<Fill, string> {
  const keys = new Map<Fill, string>();
  const pieces = closes.filter((close) => close.ids.length > 1);
  if (pieces.length === 0) return keys;
  const keyOf = new Map<string, string>();
  for (const close of pieces) for (const id of close.ids) keyOf.set(id, close.ids[0]!);
  for (const fill of fills) {
    const key = keyOf.get(fill.clientOrderId);
    if (key !== undefined) keys.set(fill, key);
  }
  return keys;
}

/** The step at which the benchmark's `bars`-th bar (0-based) was seen, clamped to its last bar (a warning says so). */
function warmupStep(times: Float64Array, candleTimes: Float64Array, bars: number): number {
  if (bars <= 0 || candleTimes.length === 0) return 0;
  return barIndexAt(times, candleTimes[Math.min(bars, candleTimes.length - 1)]!);
}

/** Steps before the benchmark's first bar take its first close (buy & hold and beta need a price). */
function backFill(closes: Float64Array): Float64Array {
  const first = closes.findIndex((c) => !Number.isNaN(c));
  if (first > 0) closes.fill(closes[first]!, 0, first);
  return closes;
}

import { ArgoError, isSimulatedVenue, parseConfig, type SimulatedVenue, type TradingProvider, toArgoError } from "@argo/core";
import * as v from "valibot";
import { CallbackGuard, type EngineCallbacks } from "../engine/callbacks.ts";
import type { EngineRunResult, EngineStatus } from "../engine/engine-result.ts";
import { engineSettingsSchema } from "../engine/engine-options.ts";
import { EngineSession, type LoadedStrategy } from "../engine/engine-session.ts";
import { type Resolved, resolveTrading } from "../engine/resolve-providers.ts";
import type { StrategyOrderGate } from "../engine/strategy-order-gate.ts";
import { type BacktestOptions, backtestSettingsSchema, type RunSettings } from "./backtest-options.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { buildBacktestResult } from "./build-backtest-result.ts";
import { abortedBeforeFirstBar, closeHistory, driveHistory, type HistoryPlan, type OpenedHistory, openHistory } from "./history-driver.ts";
import { indicatorWarmup } from "./indicator-warmup.ts";
import { resolveProgress } from "./progress-bar.ts";
import { RunRecorder } from "./run-recorder.ts";

/**
 * Venue instances a backtest has replayed bars on. Such a venue holds that run's end (cash, positions, orders, its
 * clock past the data): a second backtest on it would start from there rather than from its config.
 */
const usedVenues = new WeakSet<SimulatedVenue>();

/** The symbols as the engine validates them, checked by the backtest before the session starts. */
const symbolsSchema = v.object({ symbols: engineSettingsSchema.entries.symbols });

/**
 * The backtest engine: the live engine's session and per-bar pipeline, fed by a market data
 * provider's history in virtual time against a simulated venue (mode "backtest"). The strategy
 * cannot tell it from live except by asking `ctx.mode`. At the end it closes what is still open
 * (closeAtEnd), turns the fills into round trips and computes the statistics.
 */
export class BacktestEngine {
  private session: EngineSession | undefined;
  private loader: EngineSession | undefined;
  private running = false;

  constructor(readonly options: BacktestOptions) {}

  /** Loads the strategy and validates its config before the run; gives the config's JSON Schema. */
  load(): Promise<LoadedStrategy> {
    this.loader ??= this.newSession(this.options.trading);
    return this.loader.load();
  }

  /**
   * Replays the history. Resolves with the result (status "aborted" when `signal` stopped it early:
   * the statistics then cover the bars seen and nothing is closed); rejects with the fatal ArgoError
   * after onEngineStop otherwise (bad config, a venue that is not simulated, no bars, bad data…).
   */
  async run(signal?: AbortSignal, callbacks: EngineCallbacks = {}): Promise<BacktestResult> {
    if (this.running) throw new ArgoError("INVALID_CONFIGURATION", "this backtest is already running; create another engine for a second run");
    this.running = true;
    let trading: Resolved<TradingProvider> | undefined;
    try {
      let settings: RunSettings;
      let venue: SimulatedVenue;
      let loaded: LoadedStrategy | undefined;
      try {
        settings = this.settings();
        // What `load()` already loaded (cached by its session) is reused: no second import and validation.
        loaded = await this.loader?.load();
        trading = await resolveTrading(this.options.trading);
        if (!isSimulatedVenue(trading.provider)) {
          throw new ArgoError("INVALID_CONFIGURATION", `trading: provider "${trading.provider.name}" is not a simulated venue; a backtest only trades on one (e.g. "paper")`, {
            details: { field: "trading", provider: trading.provider.name },
          });
        }
        venue = trading.provider;
        if (usedVenues.has(venue)) {
          throw new ArgoError("INVALID_CONFIGURATION", `trading: this "${venue.name}" venue instance has already run a backtest and holds its end state (cash, positions, orders, clock); give each backtest a new venue, or the venue's config`, {
            details: { field: "trading", provider: venue.name },
          });
        }
      } catch (error) {
        const fatal = toArgoError(error);
        await new CallbackGuard(callbacks).call("onEngineStop", fatal);
        throw fatal;
      }
      return await this.replay(settings, venue, loaded, signal, callbacks);
    } finally {
      this.running = false;
      if (trading?.owned) await trading.provider.disconnect().catch(() => undefined);
    }
  }

  /** A snapshot for status displays; undefined before the run. */
  status(): EngineStatus | undefined {
    return this.session?.status();
  }

  private async replay(
    settings: RunSettings,
    venue: SimulatedVenue,
    loaded: LoadedStrategy | undefined,
    signal: AbortSignal | undefined,
    callbacks: EngineCallbacks,
  ): Promise<BacktestResult> {
    const { symbols, benchmarkSymbol } = settings;
    const interval = this.options.interval;
    const session = this.newSession(venue, loaded);
    this.session = session;
    const recorder = new RunRecorder(symbols, benchmarkSymbol);
    const guard = new CallbackGuard(callbacks);
    const plan: HistoryPlan = {
      symbols, interval, from: settings.from, to: settings.to, closeAtEnd: settings.closeAtEnd, progress: resolveProgress(this.options.progress),
      // A first read still pending at the stop gets the grace a strategy callback gets, and its give-up is reported.
      venueCallTimeoutMs: this.options.venueCallTimeoutMs,
      onError: (error) => guard.error(error),
    };
    let warmupBars = settings.warmupBars ?? 0;
    let history: OpenedHistory | undefined;
    let gate: StrategyOrderGate | undefined;
    let run: EngineRunResult;
    try {
      run = await session.execute(signal, callbacks, {
        open: async (marketData, abort) => {
          history = await openHistory(marketData, abort, plan);
          // From here the venue's clock moves to the data and the strategy can trade on it.
          usedVenues.add(venue);
          return history.startTime;
        },
        drive: async (pipeline, _marketData, abort) => {
          gate = pipeline.gateway.gate;
          await driveHistory(pipeline, venue, history!, abort, plan, recorder);
          if (settings.warmupBars === undefined) warmupBars = indicatorWarmup(pipeline.indicators);
        },
      });
    } finally {
      // Also when the run failed between opening the history and replaying it (an init that threw).
      if (history !== undefined) await closeHistory(history.sources);
    }
    // Aborted while init ran: the session never drove a bar.
    if (recorder.steps.length === 0) throw abortedBeforeFirstBar();
    // Read once the session has ended, so calls refused after the last bar count too (those after the end are told it ended).
    const outsideTurn = gate?.outsideTurn;
    return buildBacktestResult({ run, recorder, settings, interval, warmupBars, ...(outsideTurn ? { outsideTurn } : {}) });
  }

  /** Every option the run depends on, validated before anything is connected; benchmarkSymbol defaults to the first symbol. */
  private settings(): RunSettings {
    const o = this.options;
    // The session validates symbols too, but only once it runs: the recorder and the benchmark need them before.
    const { symbols } = parseConfig(symbolsSchema, { symbols: o.symbols }, { label: "backtest config" });
    const settings = parseConfig(backtestSettingsSchema, {
      from: o.from, to: o.to, closeAtEnd: o.closeAtEnd, benchmarkSymbol: o.benchmarkSymbol, warmupBars: o.warmupBars, riskFreeRate: o.riskFreeRate,
    }, { label: "backtest config" });
    if (settings.from !== undefined && settings.to !== undefined && !(settings.from < settings.to)) {
      throw new ArgoError("INVALID_CONFIGURATION", `invalid backtest config: to (${settings.to}) must be after from (${settings.from})`, { details: { field: "to" } });
    }
    if (settings.benchmarkSymbol !== undefined && !symbols.includes(settings.benchmarkSymbol)) {
      throw new ArgoError("INVALID_CONFIGURATION", `invalid backtest config: benchmarkSymbol "${settings.benchmarkSymbol}" is not one of symbols`, {
        details: { field: "benchmarkSymbol" },
      });
    }
    return { ...settings, symbols, benchmarkSymbol: settings.benchmarkSymbol ?? symbols[0]! };
  }

  private newSession(trading: BacktestOptions["trading"], loaded?: LoadedStrategy): EngineSession {
    // Everything but the backtest's own fields goes to the session as is, so no engine option is ever dropped.
    const { from, to, closeAtEnd, benchmarkSymbol, warmupBars, riskFreeRate, progress, trading: _trading, orderIdPrefix, ...engine } = this.options;
    return new EngineSession({ ...engine, trading, orderIdPrefix: orderIdPrefix ?? "bt-", mode: "backtest" }, loaded);
  }
}

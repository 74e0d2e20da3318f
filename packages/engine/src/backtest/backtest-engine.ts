import { ArgoError, isSimulatedVenue, parseConfig, type TradingProvider, toArgoError } from "@argo/core";
import { CallbackGuard, type EngineCallbacks } from "../engine/callbacks.ts";
import type { EngineStatus } from "../engine/engine-result.ts";
import { EngineSession, type LoadedStrategy } from "../engine/engine-session.ts";
import { type Resolved, resolveTrading } from "../engine/resolve-providers.ts";
import { type BacktestOptions, type BacktestSettings, backtestSettingsSchema } from "./backtest-options.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { buildBacktestResult } from "./build-backtest-result.ts";
import { driveHistory, type HistoryPlan } from "./history-driver.ts";
import { indicatorWarmup } from "./indicator-warmup.ts";
import { resolveProgress } from "./progress-bar.ts";
import { RunRecorder } from "./run-recorder.ts";

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
      let settings: BacktestSettings;
      try {
        settings = this.settings();
        trading = await resolveTrading(this.options.trading);
        if (!isSimulatedVenue(trading.provider)) {
          throw new ArgoError("INVALID_CONFIGURATION", `trading: provider "${trading.provider.name}" is not a simulated venue; a backtest only trades on one (e.g. "paper")`, {
            details: { field: "trading", provider: trading.provider.name },
          });
        }
      } catch (error) {
        const fatal = toArgoError(error);
        await new CallbackGuard(callbacks).call("onEngineStop", fatal);
        throw fatal;
      }
      return await this.replay(settings, trading.provider, signal, callbacks);
    } finally {
      this.running = false;
      if (trading?.owned) await trading.provider.disconnect().catch(() => undefined);
    }
  }

  /** A snapshot for status displays; undefined before the run. */
  status(): EngineStatus | undefined {
    return this.session?.status();
  }

  private async replay(settings: BacktestSettings, venue: TradingProvider, signal: AbortSignal | undefined, callbacks: EngineCallbacks): Promise<BacktestResult> {
    const o = this.options;
    const session = this.newSession(venue);
    this.session = session;
    const benchmarkSymbol = settings.benchmarkSymbol ?? o.symbols[0]!;
    const recorder = new RunRecorder(o.symbols, benchmarkSymbol);
    const plan: HistoryPlan = {
      symbols: o.symbols, interval: o.interval, from: settings.from ?? Number.MIN_SAFE_INTEGER, to: settings.to ?? Number.MAX_SAFE_INTEGER,
      closeAtEnd: settings.closeAtEnd, progress: resolveProgress(o.progress),
    };
    let warmupBars = settings.warmupBars ?? 0;
    const run = await session.execute(signal, callbacks, async (pipeline, marketData, abort) => {
      await driveHistory(pipeline, marketData, abort, plan, recorder);
      if (settings.warmupBars === undefined) warmupBars = indicatorWarmup(pipeline.indicators);
    }, "backtest");
    if (recorder.steps.length === 0) throw new ArgoError("CONTEXT_CANCELLED", "the backtest was aborted before its first bar");
    return buildBacktestResult({ run, recorder, settings, symbols: o.symbols, interval: o.interval, benchmarkSymbol, warmupBars });
  }

  private settings(): BacktestSettings {
    const o = this.options;
    const settings = parseConfig(backtestSettingsSchema, {
      from: o.from, to: o.to, closeAtEnd: o.closeAtEnd, benchmarkSymbol: o.benchmarkSymbol, warmupBars: o.warmupBars, riskFreeRate: o.riskFreeRate,
    }, { label: "backtest config" });
    if (settings.from !== undefined && settings.to !== undefined && !(settings.from < settings.to)) {
      throw new ArgoError("INVALID_CONFIGURATION", `invalid backtest config: to (${settings.to}) must be after from (${settings.from})`, { details: { field: "to" } });
    }
    if (settings.benchmarkSymbol !== undefined && !(o.symbols ?? []).includes(settings.benchmarkSymbol)) {
      throw new ArgoError("INVALID_CONFIGURATION", `invalid backtest config: benchmarkSymbol "${settings.benchmarkSymbol}" is not one of symbols`, {
        details: { field: "benchmarkSymbol" },
      });
    }
    return settings;
  }

  private newSession(trading: BacktestOptions["trading"]): EngineSession {
    const o = this.options;
    return new EngineSession({
      symbols: o.symbols, interval: o.interval, marketData: o.marketData, trading, strategy: o.strategy,
      ...(o.strategyConfig !== undefined ? { strategyConfig: o.strategyConfig } : {}),
      ...(o.baseDir !== undefined ? { baseDir: o.baseDir } : {}),
      ...(o.risk !== undefined ? { risk: o.risk } : {}),
      ...(o.cacheSize !== undefined ? { cacheSize: o.cacheSize } : {}),
      ...(o.sessionDir !== undefined ? { sessionDir: o.sessionDir } : {}),
      ...(o.journal !== undefined ? { journal: o.journal } : {}),
      ...(o.logger !== undefined ? { logger: o.logger } : {}),
      orderIdPrefix: o.orderIdPrefix ?? "bt-",
      mode: "backtest",
    });
  }
}

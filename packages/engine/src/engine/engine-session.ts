import {
  ArgoError, type Bar, isSimulatedVenue, type JsonSchema, type MarketDataProvider, parseConfig, type TradingProvider, toArgoError,
} from "@argo/core";
import { journalDamage } from "../journal/journal-damage.ts";
import { Journal, type JournalVenue } from "../journal/journal.ts";
import { sessionEndReason } from "../journal/session-end-reason.ts";
import type { AnyStrategy } from "../strategy/define-strategy.ts";
import { loadStrategy } from "../strategy/load-strategy.ts";
import { consoleLogger } from "../strategy/logger.ts";
import { parseStrategyConfig, strategyConfigJsonSchema } from "../strategy/strategy-config.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";
import { BarPipeline } from "./bar-pipeline.ts";
import { boundedVenueCall } from "./bounded-venue-call.ts";
import { StrategyViews } from "./strategy-views.ts";
import { CallbackGuard, type EngineCallbacks } from "./callbacks.ts";
import { newCounters } from "./engine-counters.ts";
import { engineSettingsSchema, type LiveEngineOptions } from "./engine-options.ts";
import { haltOnJournalLoss } from "./halt-on-journal-loss.ts";
import { isAbortOf } from "./is-abort-of.ts";
import { assertJournalFits } from "./journal-fit.ts";
import { assertAccountOption, assertJournalVenue, simulatedAccountKey } from "./journal-venue-fit.ts";
import { journalSymbolWarnings } from "./journal-symbols.ts";
import { reconcileJournalOrders } from "./reconcile-journal-orders.ts";
import { restoreSimulatedAccount } from "./restore-simulated-account.ts";
import { StartEvents } from "./start-events.ts";
import type { EngineRunResult, EngineStatus } from "./engine-result.ts";
import { landingWindowOf } from "./landing-window.ts";
import { connectTrading, resolveMarketData, resolveMode, resolveTrading } from "./resolve-providers.ts";
import { DEFAULT_VENUE_CALL_TIMEOUT_MS } from "./venue-deadline.ts";

/** A loaded strategy with its validated config and the JSON Schema of that config. */
export interface LoadedStrategy {
  strategy: AnyStrategy;
  config: unknown;
  configJsonSchema: JsonSchema;
}

/** What drives bars through a session: the live engine streams, the backtest engine replays history. */
export interface BarDriver {
  /**
   * Called once the providers are connected, before the strategy's init: the virtual time the session starts at
   * (a backtest's first bar), or undefined to start on the wall clock (live). A virtual start also sets a simulated
   * venue's clock, so what init places is stamped then, and a DAY order lives through that day.
   */
  open?(marketData: MarketDataProvider, signal: AbortSignal | undefined): Promise<number | undefined>;
  /** Feeds the bars through the pipeline until the data ends or `signal` aborts. */
  drive(pipeline: BarPipeline, marketData: MarketDataProvider, signal: AbortSignal | undefined): Promise<void>;
}

/**
 * The lifecycle shared by the live and backtest engines: validate, load, connect, journal, warm,
 * init, onEngineStart, drive bars, finish, flush, onEngineStop (always, even after a failure).
 */
export class EngineSession {
  private loaded: LoadedStrategy | undefined;
  private pipeline: BarPipeline | undefined;
  private mode: EngineMode | undefined;
  private running = false;

  /** `loaded`: the strategy another session of the same options already loaded, so it is not loaded and validated twice. */
  constructor(
    readonly options: LiveEngineOptions,
    loaded?: LoadedStrategy,
  ) {
    this.loaded = loaded;
  }

  /** Loads the strategy and validates its config (INVALID_CONFIGURATION names every bad field); cached. */
  async load(): Promise<LoadedStrategy> {
    if (this.loaded) return this.loaded;
    const strategy = await loadStrategy(this.options.strategy, this.options.baseDir ? { baseDir: this.options.baseDir } : {});
    const config = parseStrategyConfig(strategy, this.options.strategyConfig, "strategy.config");
    this.loaded = { strategy, config, configJsonSchema: strategyConfigJsonSchema(strategy) };
    return this.loaded;
  }

  /** Runs a session with `driver` feeding the bars; resolves with the result, or rejects with the fatal error after onEngineStop. */
  async execute(signal: AbortSignal | undefined, callbacks: EngineCallbacks, driver: BarDriver): Promise<EngineRunResult> {
    if (this.running) throw new ArgoError("INVALID_CONFIGURATION", "this engine is already running; create another engine for a second run");
    this.running = true;
    const o = this.options;
    const guard = new CallbackGuard(callbacks);
    const startedAt = Date.now();
    let fatal: ArgoError | undefined;
    let journal: Journal | undefined;
    let marketData: { provider: MarketDataProvider; owned: boolean } | undefined;
    let trading: { provider: TradingProvider; owned: boolean } | undefined;
    let callTimeoutMs = DEFAULT_VENUE_CALL_TIMEOUT_MS;
    let startEvents: StartEvents | undefined;
    try {
      const settings = parseConfig(engineSettingsSchema, {
        symbols: o.symbols, interval: o.interval, cacheSize: o.cacheSize, sessionDir: o.sessionDir,
        cancelOpenOrdersOnStop: o.cancelOpenOrdersOnStop, mode: o.mode, risk: o.risk, venueCallTimeoutMs: o.venueCallTimeoutMs,
      }, { label: "engine config" });
      assertAccountOption(o.account);
      const risk = settings.risk;
      callTimeoutMs = settings.venueCallTimeoutMs;
      const { strategy, config } = await this.load();
      marketData = await resolveMarketData(o.marketData);
      trading = await resolveTrading(o.trading);
      this.mode = resolveMode(o.mode, trading.provider);
      const venue = trading.provider;
      landingWindowOf(venue); // a provider's malformed landing window is refused before anything connects
      const at: JournalVenue = { name: venue.name, account: o.account };
      // A journal this session must not use is a config mistake: refused before anything is connected or read.
      if (settings.sessionDir !== undefined) {
        journal = new Journal(settings.sessionDir, o.journal, o.secrets);
        assertJournalFits(journal, this.mode, strategy.name);
        assertJournalVenue(journal, this.mode, at);
      }
      // Start-up calls get the order calls' deadline: a venue that never answers must not hang the start or Ctrl-C.
      const bounded = <T>(call: string, fn: () => Promise<T>) => boundedVenueCall(fn, callTimeoutMs, venue.name, call, signal);
      // Heard from before the connect and the first read, held until the pipeline exists: an event between the reads'
      // answers and the pipeline (an order left working filling just after the open orders read), or one a venue sends
      // as it connects, would otherwise be lost for the session.
      startEvents = new StartEvents(venue);
      await connectTrading(venue, (connect) => bounded("connect", connect), signal);
      // A paper account is what its simulator starts with: read before restoreSimulatedAccount rebuilds the recorded one.
      // Only a simulator that rebuilds it: one without restore keeps its own account, as a broker does.
      if (journal && at.account === undefined && this.mode === "paper" && isSimulatedVenue(venue) && venue.restore !== undefined) {
        at.account = simulatedAccountKey(await bounded("account read", () => venue.getAccount()));
        assertJournalVenue(journal, this.mode, at);
      }
      // Virtual time starts before init: the strategy's first look at the clock must not be the wall clock in a replay.
      const virtualStart = await driver.open?.(marketData.provider, signal);
      if (virtualStart !== undefined && isSimulatedVenue(trading.provider)) trading.provider.setTime(virtualStart);
      const cacheSize = settings.cacheSize;
      const warm: Bar[] = journal ? settings.symbols.flatMap((s) => journal!.loadBars(s, settings.interval, cacheSize)) : [];
      // Before the account is read: a resumed paper session trades on the account its journal recorded.
      // The orders the journal left working, read once for the restore, the symbol check and the reconcile.
      const unfinished = journal?.unfinishedOrders() ?? [];
      if (journal) restoreSimulatedAccount(journal, trading.provider, this.mode, warm, unfinished);
      // A simulator that learns symbols from bars would refuse init's orders (a resting limit) as unknown symbols.
      if (isSimulatedVenue(venue)) venue.addSymbols?.(settings.symbols);
      const [account, positions, openOrders] = await Promise.all([
        bounded("account read", () => venue.getAccount()), bounded("positions read", () => venue.getPositions()),
        bounded("open orders read", () => venue.getOpenOrders()),
      ]);
      this.pipeline = new BarPipeline({
        strategy, strategyConfig: config, symbols: settings.symbols, interval: settings.interval, mode: this.mode, cacheSize,
        trading: trading.provider, initial: { account, positions, openOrders }, risk, callbacks,
        logger: o.logger ?? consoleLogger({ strategy: strategy.name }, "info", o.secrets),
        orderIdPrefix: o.orderIdPrefix ?? (this.mode === "backtest" ? "bt-" : `ag${startedAt.toString(36)}-`),
        startTime: virtualStart ?? startedAt,
        venueCallTimeoutMs: callTimeoutMs,
        // The held events are applied as the pipeline subscribes, in order: before the reconcile and init below.
        events: startEvents.attach,
        ...(journal ? { journal } : {}),
        ...(signal ? { signal } : {}),
      });
      // A journal that can no longer record (its directory removed, its disk failing) halts the session at once: every
      // order it sent from then on would be lost to the next start. Told once; later orders are refused as HALTED.
      const pipeline = this.pipeline;
      journal?.onLoss((loss) => haltOnJournalLoss(pipeline, loss));
      // What the journal holds in a symbol dropped from the config stays in the account: said before the strategy starts.
      if (journal && this.mode !== "backtest") for (const warning of journalSymbolWarnings(journal, unfinished, settings.symbols)) this.pipeline.reportError(warning);
      // Orders the previous session left working may have filled or ended meanwhile: recorded before the strategy starts.
      if (journal) await reconcileJournalOrders(journal, unfinished, venue, openOrders, startedAt, this.pipeline, (id) => bounded("order lookup", () => venue.getOrder(id)), signal);
      // A stop during the start-up calls comes before the strategy's init: nothing is traded after it.
      signal?.throwIfAborted();
      // Recorded before init: orders init places are this session's, and a start that dies in init (a crash, a kill) must
      // still leave the strategy and mode that wrote them, which the next start's assertJournalFits checks.
      journal?.beginSession(strategy.name, settings.symbols, settings.interval, this.mode, at);
      await this.pipeline.start(warm);
      await guard.call("onEngineStart", settings.symbols, settings.interval, journal?.path);
      if (!signal?.aborted) await driver.drive(this.pipeline, marketData.provider, signal);
    } catch (error) {
      fatal = isAbortOf(signal, error) ? undefined : ((journal && journalDamage(error, journal.path)) ?? toArgoError(error));
    }
    if (fatal === undefined && this.pipeline === undefined) fatal = new ArgoError("CONTEXT_CANCELLED", "aborted before the engine started");
    const aborted = fatal === undefined && signal?.aborted === true;
    try {
      await this.pipeline?.finish(o.cancelOpenOrdersOnStop ?? false);
    } catch (error) {
      fatal ??= toArgoError(error);
    }
    // The pipeline's finish ended the subscription; a start refused before the pipeline existed must not leave it behind.
    startEvents?.close();
    try {
      // Why it ended, beside how: a Ctrl-C ("SIGINT"), a lost log ("log output lost: …") or the fatal error's code and message.
      journal?.close(fatal ? "failed" : aborted ? "aborted" : "completed", sessionEndReason(fatal ?? (aborted ? signal?.reason : undefined)));
    } catch (error) {
      guard.error(error);
    }
    await this.release(trading, marketData, guard, callTimeoutMs);
    await guard.call("onEngineStop", fatal);
    this.running = false;
    if (fatal) throw fatal;
    return this.result(aborted ? "aborted" : "completed", aborted ? signal?.reason : undefined, startedAt, journal?.path);
  }

  /** A snapshot for status displays. */
  status(): EngineStatus {
    const p = this.pipeline;
    return {
      running: this.running,
      mode: this.mode,
      symbols: this.options.symbols,
      interval: this.options.interval,
      tradingState: p?.stateMachine.state ?? "ACTIVE",
      counters: p ? { ...p.counters } : newCounters(),
      lastBar: p?.lastBar,
      account: p?.mirror.account,
      positions: p ? [...p.mirror.positions()] : [],
      openOrders: p ? [...p.mirror.openOrders()] : [],
    };
  }

  /** The newest `limit` cached bars of a symbol (all when fewer), oldest first; only those are copied out of the cache. */
  recentBars(symbol: string, limit: number): Bar[] {
    const series = this.pipeline?.cache.history(symbol);
    if (series === undefined) return [];
    const count = Math.min(series.length, limit >= 0 ? Math.floor(limit) : 0);
    const bars = new Array<Bar>(count);
    const start = series.length - count;
    for (let i = 0; i < count; i++) bars[i] = series.at(start + i)!;
    return bars;
  }

  private result(status: "completed" | "aborted", abortReason: unknown, startedAt: number, journalPath: string | undefined): EngineRunResult {
    const p = this.pipeline!;
    // Marked at the newest closes, as the strategy and the equity read them: the venue's last events may be from the
    // last fill (a simulator sends them only on fills), and `equity` beside them would not add up.
    const views = new StrategyViews(p);
    return {
      status,
      ...(status === "aborted" ? { abortReason } : {}),
      mode: this.mode!,
      counters: { ...p.counters },
      tradingState: p.stateMachine.state,
      account: views.account(),
      positions: [...p.mirror.positionsBySymbol.keys()].map((symbol) => views.position(symbol)!),
      openOrders: [...p.mirror.openOrders()],
      equity: p.equity(),
      ...(journalPath ? { journalPath } : {}),
      startedAt,
      endedAt: Date.now(),
    };
  }

  private async release(
    trading: { provider: TradingProvider; owned: boolean } | undefined,
    marketData: { provider: MarketDataProvider; owned: boolean } | undefined,
    guard: CallbackGuard,
    ms: number,
  ): Promise<void> {
    // Bounded but not abortable: the session is ending, usually because its signal aborted.
    try {
      if (trading?.owned) await boundedVenueCall(() => trading.provider.disconnect(), ms, trading.provider.name, "disconnect");
    } catch (error) {
      guard.error(error);
    }
    try {
      const close = marketData?.owned ? marketData.provider.close?.bind(marketData.provider) : undefined;
      if (close) await boundedVenueCall(async () => close(), ms, marketData!.provider.name, "close");
    } catch (error) {
      guard.error(error);
    }
  }
}

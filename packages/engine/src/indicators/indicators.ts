import { ArgoError, type Bar } from "@argo/core";
import { atrFeed, type BandsValue, bollingerFeed, emaFeed, type MacdValue, macdFeed, rsiFeed, smaFeed } from "./feeds.ts";
import { HandlesByPeriod } from "./handles-by-period.ts";
import { CUSTOM_PREFIX, type IndicatorFeed, IndicatorHandle, type IndicatorHost } from "./indicator-handle.ts";
import { shown } from "../strategy/shown-value.ts";

/**
 * The strategy's streaming indicators. Asking twice for the same indicator returns the same handle,
 * so `ctx.indicators.sma(10)` may be called in `init` or on every bar; each handle keeps one
 * instance per symbol and is fed once per bar before `onBar`.
 */
export class Indicators {
  private readonly handles: Array<IndicatorHandle<unknown>> = [];
  private readonly byKey = new Map<string, IndicatorHandle<unknown>>();
  // Numeric keys for the one-parameter indicators: no string building on the per-bar path.
  private readonly smaByPeriod = new HandlesByPeriod<number>();
  private readonly emaByPeriod = new HandlesByPeriod<number>();

  constructor(private readonly host: IndicatorHost) {}

  /** Simple moving average of closes over `period` bars. */
  sma(period: number): IndicatorHandle<number> {
    return this.byPeriod(this.smaByPeriod, "sma", period, smaFeed);
  }

  /** Exponential moving average of closes (k = 2/(period+1), seeded with the first close, defined from the period-th bar). */
  ema(period: number): IndicatorHandle<number> {
    return this.byPeriod(this.emaByPeriod, "ema", period, emaFeed);
  }

  /** Wilder's RSI (0–100), period at least 2; defined from bar period+1. */
  rsi(period = 14): IndicatorHandle<number> {
    // trading-signals' RSI(1) takes every close and never returns a value: refused rather than a handle forever undefined.
    return this.register(`rsi:${checkPeriod("rsi", period, 2, "RSI(1) never has a value")}`, () => rsiFeed(period), period + 1);
  }

  /**
   * MACD (fast EMA − slow EMA) with its signal EMA, fast below slow; defined once the signal line has `signal` inputs
   * (bar slow+signal−1).
   */
  macd(fast = 12, slow = 26, signal = 9): IndicatorHandle<MacdValue> {
    checkPeriod("macd fast", fast);
    checkPeriod("macd slow", slow);
    checkPeriod("macd signal", signal);
    if (fast >= slow) {
      // Equal periods make the MACD line 0 on every bar; a fast period above the slow one turns its sign around.
      throw new ArgoError("STRATEGY_ERROR", `macd fast period must be below the slow period, got fast ${fast} and slow ${slow}`, {
        details: { indicator: "macd", fast, slow },
      });
    }
    return this.register(`macd:${fast}:${slow}:${signal}`, () => macdFeed(fast, slow, signal), slow + signal - 1);
  }

  /** Bollinger Bands: SMA(period) ± multiplier × population standard deviation; period at least 2. */
  bollinger(period = 20, multiplier = 2): IndicatorHandle<BandsValue> {
    checkPeriod("bollinger", period, 2, "the deviation of one close is 0, so every band would be the close");
    // Number.isFinite refuses the string "2" too (it would compare and multiply as 2); Infinity makes the bands NaN on flat prices.
    if (!Number.isFinite(multiplier) || multiplier <= 0) {
      throw new ArgoError("STRATEGY_ERROR", `bollinger multiplier must be a positive finite number, got ${shown(multiplier)}`);
    }
    return this.register(`bb:${period}:${multiplier}`, () => bollingerFeed(period, multiplier), period);
  }

  /** Average true range with Wilder's smoothing; the first true range is high − low. */
  atr(period = 14): IndicatorHandle<number> {
    return this.register(`atr:${checkPeriod("atr", period)}`, () => atrFeed(period), period);
  }

  /**
   * Any other streaming indicator (e.g. from trading-signals), under a key naming it and its parameters. A throw of its
   * `create` or `update`, or an `update` returning a non-finite number or a promise, is the strategy's error: reported
   * through onStrategyError, the value undefined for that bar, and the feed gets the next bars as usual. Indicators of
   * closes take `{ update: (bar) => ind.update(bar.close, false) }`: handed the whole Bar they compute NaN.
   */
  custom<T>(key: string, create: () => IndicatorFeed<T>, requiredInputs = 1): IndicatorHandle<T> {
    // A count of bars, for isReady() and the backtest's warm-up: NaN or 2.5 count nothing, and "5" would reach the warm-up as text.
    if (!Number.isInteger(requiredInputs) || requiredInputs < 1) {
      throw new ArgoError("STRATEGY_ERROR", `custom indicator "${key}" requiredInputs must be a positive integer, got ${shown(requiredInputs)}`, {
        details: { indicator: key, requiredInputs },
      });
    }
    return this.register(`${CUSTOM_PREFIX}${key}`, create, requiredInputs);
  }

  /** Number of registered indicators. */
  get size(): number {
    return this.handles.length;
  }

  /** Bars the slowest registered indicator needs before it has a value (its `requiredInputs`); 0 without indicators. */
  get requiredBars(): number {
    let required = 0;
    for (const handle of this.handles) if (handle.requiredInputs > required) required = handle.requiredInputs;
    return required;
  }

  /**
   * Feeds a bar to every indicator; called by the engine once per bar. A custom indicator that throws is reported and
   * the rest are still fed; a built-in one that throws is the engine's bug and ends the run as before.
   */
  update(slot: number, bar: Bar): void {
    const handles = this.handles;
    // Those registered while this loop runs (a custom feed asking for an sma) were warmed from the cache, this bar
    // included: fed it again here, they would count it twice.
    const n = handles.length;
    let i = 0;
    // One try around the loop, entered again after a throw, rather than one per indicator and bar.
    while (i < n) {
      try {
        for (; i < n; i++) handles[i]!.update(slot, bar);
      } catch (error) {
        this.failed(handles[i]!, slot, bar, error);
        i++;
      }
    }
  }

  /** The handle of a one-parameter indicator defined from its `period`-th bar, registered on first use. */
  private byPeriod(
    handles: HandlesByPeriod<number>,
    name: string,
    period: number,
    feed: (period: number) => IndicatorFeed<number>,
  ): IndicatorHandle<number> {
    const found = handles.get(period);
    if (found) return found;
    const handle = this.register(`${name}:${checkPeriod(name, period)}`, () => feed(period), period);
    handles.set(period, handle);
    return handle;
  }

  private register<T>(key: string, create: () => IndicatorFeed<T>, requiredInputs: number): IndicatorHandle<T> {
    const found = this.byKey.get(key);
    if (found) return found as IndicatorHandle<T>;
    const handle = new IndicatorHandle<T>(key, create, requiredInputs, this.host);
    this.warm(handle as IndicatorHandle<unknown>);
    this.byKey.set(key, handle as IndicatorHandle<unknown>);
    this.handles.push(handle as IndicatorHandle<unknown>);
    return handle;
  }

  /** Catches up on bars already in the cache, so an indicator registered late (or after a restart) starts warm. */
  private warm(handle: IndicatorHandle<unknown>): void {
    const { cache } = this.host;
    for (let slot = 0; slot < cache.series.length; slot++) {
      for (const bar of cache.series[slot]!) {
        try {
          handle.update(slot, bar);
        } catch (error) {
          this.failed(handle, slot, bar, error);
        }
      }
    }
  }

  /** A custom indicator's throw goes the way of a throw in onBar (the run goes on); any other is rethrown. */
  private failed(handle: IndicatorHandle<unknown>, slot: number, bar: Bar, error: unknown): void {
    if (!handle.custom) throw error;
    handle.missed(slot);
    const name = handle.key.slice(CUSTOM_PREFIX.length);
    const message = error instanceof Error ? error.message : String(error);
    const at = `${bar.symbol} bar ${new Date(bar.openTime).toISOString()}`;
    this.host.runner.report(
      new ArgoError("STRATEGY_ERROR", `strategy "${this.host.strategyName}" custom indicator "${name}" failed on ${at}: ${message}`, {
        cause: error,
        details: { strategy: this.host.strategyName, indicator: name, symbol: bar.symbol, openTime: bar.openTime },
      }),
      bar,
    );
  }
}

// An indicator keeps a window of `period` values (8 bytes each): past this a period is a slip (seconds for minutes, a
// timestamp for a count), and the window would take gigabytes, or fail as "invalid typed array length" on every bar.
const MAX_PERIOD = 10_000_000;

/** The period as given when it is an integer of at least `min`; else STRATEGY_ERROR naming the indicator and the period. */
function checkPeriod(name: string, period: number, min = 1, why?: string): number {
  if (Number.isInteger(period) && period > MAX_PERIOD) {
    throw new ArgoError("STRATEGY_ERROR", `${name} period must be at most ${MAX_PERIOD} bars (each keeps a window of that many values), got ${period}`, {
      details: { indicator: name, period },
    });
  }
  if (!Number.isInteger(period) || period < min) {
    const wanted = min === 1 ? "a positive integer" : `an integer of at least ${min}`;
    throw new ArgoError("STRATEGY_ERROR", `${name} period must be ${wanted}, got ${shown(period)}${why && Number.isInteger(period) && period > 0 ? ` (${why})` : ""}`, {
      details: { indicator: name, period },
    });
  }
  return period;
}

import { ArgoError, type Bar } from "@argo/core";
import { atrFeed, type BandsValue, bollingerFeed, emaFeed, type MacdValue, macdFeed, rsiFeed, smaFeed } from "./feeds.ts";
import { HandlesByPeriod } from "./handles-by-period.ts";
import { type IndicatorFeed, IndicatorHandle, type IndicatorHost } from "./indicator-handle.ts";

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

  /** Wilder's RSI (0–100); defined from bar period+1. */
  rsi(period = 14): IndicatorHandle<number> {
    return this.register(`rsi:${checkPeriod("rsi", period)}`, () => rsiFeed(period), period + 1);
  }

  /** MACD (fast EMA − slow EMA) with its signal EMA; defined once the signal line has `signal` inputs (bar slow+signal−1). */
  macd(fast = 12, slow = 26, signal = 9): IndicatorHandle<MacdValue> {
    checkPeriod("macd fast", fast);
    checkPeriod("macd slow", slow);
    checkPeriod("macd signal", signal);
    return this.register(`macd:${fast}:${slow}:${signal}`, () => macdFeed(fast, slow, signal), slow + signal - 1);
  }

  /** Bollinger Bands: SMA(period) ± multiplier × population standard deviation. */
  bollinger(period = 20, multiplier = 2): IndicatorHandle<BandsValue> {
    checkPeriod("bollinger", period);
    if (!(multiplier > 0)) throw new ArgoError("STRATEGY_ERROR", `bollinger multiplier must be positive, got ${multiplier}`);
    return this.register(`bb:${period}:${multiplier}`, () => bollingerFeed(period, multiplier), period);
  }

  /** Average true range with Wilder's smoothing; the first true range is high − low. */
  atr(period = 14): IndicatorHandle<number> {
    return this.register(`atr:${checkPeriod("atr", period)}`, () => atrFeed(period), period);
  }

  /** Any other streaming indicator (e.g. from trading-signals), under a key naming it and its parameters. */
  custom<T>(key: string, create: () => IndicatorFeed<T>, requiredInputs = 1): IndicatorHandle<T> {
    return this.register(`custom:${key}`, create, requiredInputs);
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

  /** Feeds a bar to every indicator; called by the engine once per bar. */
  update(slot: number, bar: Bar): void {
    const handles = this.handles;
    for (let i = 0; i < handles.length; i++) handles[i]!.update(slot, bar);
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
    handle.warm();
    this.byKey.set(key, handle as IndicatorHandle<unknown>);
    this.handles.push(handle as IndicatorHandle<unknown>);
    return handle;
  }
}

function checkPeriod(name: string, period: number): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new ArgoError("STRATEGY_ERROR", `${name} period must be a positive integer, got ${String(period)}`);
  }
  return period;
}

import type { Bar } from "@argo/core";
import { ATR, BollingerBands, EMA, MACD, RSI } from "trading-signals";
import type { IndicatorFeed } from "./indicator-handle.ts";
import { RollingSma } from "./rolling-sma.ts";

/** MACD line, its signal line and their difference. */
export interface MacdValue {
  readonly macd: number;
  readonly signal: number;
  readonly histogram: number;
}

/** Bollinger Bands: middle = SMA, upper/lower = middle ± multiplier × population standard deviation. */
export interface BandsValue {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

interface CloseIndicator<T> {
  update(price: number, replace: boolean): T | null;
}

/** Feeds closes to a trading-signals indicator. */
class CloseFeed<T> implements IndicatorFeed<T> {
  constructor(private readonly indicator: CloseIndicator<T>) {}
  update(bar: Bar): T | null {
    return this.indicator.update(bar.close, false);
  }
}

/**
 * A feed whose values are objects, each frozen: the handle keeps one as `previous()` for the next bar and hands the same
 * object to every reader, so a strategy writing to it would change what it reads later. trading-signals makes a new
 * object per update and never writes to it again, so freezing it costs no copy.
 */
function frozen<T extends object>(feed: IndicatorFeed<T>): IndicatorFeed<T> {
  return {
    update(bar: Bar): T | null | undefined {
      const value = feed.update(bar);
      return value == null ? value : Object.freeze(value);
    },
  };
}

/** Feeds whole candles (high, low, close) to ATR. */
class CandleFeed implements IndicatorFeed<number> {
  private readonly indicator: ATR;
  constructor(period: number) {
    this.indicator = new ATR(period);
  }
  update(bar: Bar): number | null {
    return this.indicator.update(bar, false);
  }
}

/** Simple moving average of closes (O(1) per bar; see RollingSma for why not trading-signals' SMA). */
export const smaFeed = (period: number): IndicatorFeed<number> => new RollingSma(period);
/** Exponential moving average (k = 2/(n+1)), seeded with the first close. */
export const emaFeed = (period: number): IndicatorFeed<number> => new CloseFeed(new EMA(period));
/** RSI with Wilder's smoothing (first averages are simple means of `period` gains and losses). */
export const rsiFeed = (period: number): IndicatorFeed<number> => new CloseFeed(new RSI(period));
/** MACD from EMAs of closes (fast, slow) and an EMA of the MACD line (signal); each value frozen. */
export const macdFeed = (fast: number, slow: number, signal: number): IndicatorFeed<MacdValue> =>
  frozen(new CloseFeed<MacdValue>(new MACD(new EMA(fast), new EMA(slow), new EMA(signal))));
/** Bollinger Bands of closes; each value frozen. */
export const bollingerFeed = (period: number, multiplier: number): IndicatorFeed<BandsValue> =>
  frozen(new CloseFeed<BandsValue>(new BollingerBands(period, multiplier)));
/** Average true range with Wilder's smoothing. */
export const atrFeed = (period: number): IndicatorFeed<number> => new CandleFeed(period);

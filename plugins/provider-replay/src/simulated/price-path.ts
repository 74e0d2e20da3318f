import { type Bar, BarCloser } from "@argo/core";
import { Prng, seedFor } from "./prng.ts";
import type { SimulatedConfig } from "./simulated-config.ts";

/** How far volatile swings beyond the configured volatility, and how hard it is pulled back to its start. */
const VOLATILE_SCALE = 3;
const VOLATILE_REVERSION = 0.05;
/** Wicks reach up to half a bar's typical move beyond the body. */
const WICK_SCALE = 0.5;
const BASE_VOLUME = 10_000;
/**
 * Opens and closes stay within [1e-100, 1e100]: a strong trend or a high volatility over many bars would otherwise
 * reach Infinity or 0 (no valid bar). Far from any real price, so a path that never reaches them is unchanged; the
 * wicks (a high at most 2.5 times the body's top, a low at least its bottom / 2.5) stay finite and above 0 there.
 */
const MIN_PRICE = 1e-100;
const MAX_PRICE = 1e100;

/** The settings a path is generated from. */
export type PathSettings = Pick<SimulatedConfig, "pattern" | "initialPrice" | "trendStrength" | "volatility" | "maxDrawdown" | "startTime" | "seed">;

/**
 * One symbol's generated bars, one per call to `next()`. Deterministic from (seed, symbol): the
 * same settings always give the same sequence. Each bar opens at the previous close; with
 * maxDrawdown, no close falls more than that fraction below the highest close so far (a close
 * below the floor is reflected back above it, but not above the peak) and no low below the floor of the bar's open.
 * Opens and closes stay within [MIN_PRICE, MAX_PRICE], so every bar is finite and positive whatever the settings.
 */
export class PricePath {
  private readonly rng: Prng;
  private readonly drift: number;
  private readonly sigma: number;
  private readonly keep: number;
  private readonly volatile: boolean;
  private readonly initialPrice: number;
  /** ln(MIN_PRICE / initialPrice) and ln(MAX_PRICE / initialPrice): the bounds of logMove. */
  private readonly minLogMove: number;
  private readonly maxLogMove: number;
  /** ln(price / initialPrice), kept up to date so volatile needs no logarithm per bar. */
  private logMove = 0;
  private price: number;
  private peak: number;
  private openTime: number;
  /** Each bar opens where the one before closes (calendar months included). */
  private readonly closer = new BarCloser();

  constructor(
    private readonly symbol: string,
    private readonly interval: string,
    config: PathSettings,
  ) {
    // A malformed interval is refused here, before any bar, rather than at the first one.
    this.closer.closeTime(config.startTime, interval);
    this.rng = new Prng(seedFor(config.seed, symbol));
    const trend = config.trendStrength * config.volatility;
    this.drift = config.pattern === "increasing" ? trend : config.pattern === "decreasing" ? -trend : 0;
    this.sigma = config.pattern === "volatile" ? config.volatility * VOLATILE_SCALE : config.volatility;
    this.volatile = config.pattern === "volatile";
    this.keep = config.maxDrawdown === undefined ? 0 : 1 - config.maxDrawdown;
    // An initial price beyond the bounds starts at the nearest one, so the first bar is inside them too.
    const initialPrice = Math.min(Math.max(config.initialPrice, MIN_PRICE), MAX_PRICE);
    this.initialPrice = initialPrice;
    this.minLogMove = Math.log(MIN_PRICE / initialPrice);
    this.maxLogMove = Math.log(MAX_PRICE / initialPrice);
    this.price = initialPrice;
    this.peak = initialPrice;
    this.openTime = config.startTime;
  }

  /** The next bar. */
  next(): Bar {
    const rng = this.rng;
    const open = this.price;
    let change = this.drift + this.sigma * rng.normal();
    // Pulling volatile back to its start keeps it choppy and sideways instead of drifting away.
    if (this.volatile) change -= VOLATILE_REVERSION * this.logMove;
    let close: number;
    const logMove = this.logMove + change;
    if (logMove > this.maxLogMove || logMove < this.minLogMove) {
      // Clamped in log space, where the walk lives; the bound is reached, never passed.
      this.logMove = logMove > this.maxLogMove ? this.maxLogMove : this.minLogMove;
      close = logMove > this.maxLogMove ? MAX_PRICE : MIN_PRICE;
    } else {
      // Within the bounds, the bar is exactly what it always was (same seed, same bars).
      close = open * Math.exp(change);
      this.logMove = logMove;
    }
    const floor = this.keep * this.peak;
    if (close < floor) {
      // Reflecting (in log space) rather than clamping keeps the path moving instead of sticking to the
      // floor; capping at the peak stops a fall from turning into a new high that would ratchet the floor up.
      close = Math.min(floor * (floor / close), this.peak);
      this.logMove = Math.log(close / this.initialPrice);
    }
    // Wicks and volume need variety, not a distribution: uniforms spare a logarithm and an exponential each.
    const wick = this.sigma * WICK_SCALE;
    const high = Math.max(open, close) * (1 + wick * rng.uniform());
    // open and close are both >= floor, so raising the low to it keeps low <= open, close.
    const low = Math.max(Math.min(open, close) / (1 + wick * rng.uniform()), floor);
    const volume = Math.round(BASE_VOLUME * (0.5 + rng.uniform()));
    const bar: Bar = { symbol: this.symbol, interval: this.interval, openTime: this.openTime, open, high, low, close, volume };
    this.price = close;
    if (close > this.peak) this.peak = close;
    this.openTime = this.closer.closeTime(this.openTime, this.interval);
    return bar;
  }
}

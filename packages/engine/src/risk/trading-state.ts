import { DAY_MS } from "../stats/stat-math.ts";
import { haltThreshold, type RiskConfig } from "./risk-config.ts";

/** ACTIVE: any order; REDUCING: only exposure-reducing orders; HALTED: no orders at all (terminal for the session). */
export type TradingState = "ACTIVE" | "REDUCING" | "HALTED";

/** A change of trading state and why. */
export interface TradingStateChange {
  from: TradingState;
  to: TradingState;
  reason: string;
  /** Engine clock, epoch ms. */
  time: number;
}

/** What the equity limits go on from after a restart (the session journal keeps it): the peak and the day's start. */
export interface EquityMarks {
  /** The highest equity judged. */
  peak: number;
  /** The equity the daily loss of `day` is measured from. */
  dayStartEquity: number;
  /** Start (UTC midnight, epoch ms) of the day `dayStartEquity` belongs to. */
  day: number;
}

/**
 * Tracks equity against the drawdown and daily-loss limits.
 * - drawdown = (peak − equity) / peak, the peak being the highest equity seen this session (and, resumed from a
 *   journal, by the sessions before it);
 *   ≥ maxDrawdown → REDUCING (stays so for the session), ≥ haltDrawdown → HALTED.
 * - daily loss = (day-start equity − equity) / day-start equity, the day-start equity being the last
 *   equity seen before the UTC day (engine clock) began (the initial equity on the first day);
 *   ≥ maxDailyLoss → REDUCING until the next UTC day, ≥ haltDailyLoss → HALTED.
 * HALTED is final: only a new session trades again.
 */
export class TradingStateMachine {
  state: TradingState = "ACTIVE";
  peak: number;
  dayStartEquity: number;
  private day = Number.NaN;
  private lastEquity: number;
  private reducingByDailyLossOnly = false;
  /** Set when the peak or the day's start moved since {@link takeMarks}. */
  private marksMoved = false;
  private readonly maxDrawdown: number | undefined;
  private readonly haltDrawdown: number | undefined;
  private readonly maxDailyLoss: number | undefined;
  private readonly haltDailyLoss: number | undefined;

  /**
   * `restored`: the marks a previous session of the same journal left. The peak goes on from them (raised to the equity
   * now if that is higher), and so does the day's start while the engine clock is still in their UTC day; a later day
   * starts from the equity now, as a session's first day does.
   */
  constructor(config: RiskConfig, initialEquity: number, private readonly restored?: EquityMarks) {
    this.maxDrawdown = config.maxDrawdown;
    this.haltDrawdown = haltThreshold(config.maxDrawdown, config.haltDrawdown);
    this.maxDailyLoss = config.maxDailyLoss;
    this.haltDailyLoss = haltThreshold(config.maxDailyLoss, config.haltDailyLoss);
    this.peak = initialEquity;
    this.dayStartEquity = initialEquity;
    this.lastEquity = initialEquity;
    if (restored !== undefined) {
      if (!(initialEquity > restored.peak)) this.peak = restored.peak;
      this.dayStartEquity = restored.dayStartEquity;
      this.day = Math.floor(restored.day / DAY_MS);
    }
  }

  /**
   * Resumed between two symbols' bars of one time step: the equity the session started with values one symbol at the
   * new step's close and another at the step before's, a figure that never was (a hedged book looks like a loss or a
   * gain). The peak and the day's start are not taken from it; the first judged step sets what they would have taken.
   * An uninterrupted session measures a new day from the last step before it; resumed so, from the day's first step.
   */
  resumedMidStep(): void {
    this.peak = this.restored?.peak ?? Number.NEGATIVE_INFINITY;
    if (this.restored === undefined) this.dayStartEquity = Number.NaN;
    this.lastEquity = Number.NaN;
  }

  /** The marks to keep for a restart when they moved since the last call (a new peak, a new day), else undefined. */
  takeMarks(): EquityMarks | undefined {
    if (!this.marksMoved) return undefined;
    this.marksMoved = false;
    return { peak: this.peak, dayStartEquity: this.dayStartEquity, day: this.day * DAY_MS };
  }

  /** True when equity limits are configured (otherwise equity need not be computed per time step). */
  get watchesEquity(): boolean {
    return this.haltDrawdown !== undefined || this.haltDailyLoss !== undefined;
  }

  /**
   * Feeds the equity marked at `time`; returns the change it causes, if any. One update may move twice (a new day lifts
   * REDUCING, and the same equity trips a limit again): callers get one change from the state they last saw, or none
   * when it ends where it began.
   */
  update(equity: number, time: number): TradingStateChange | undefined {
    const before = this.state;
    const change = this.evaluate(equity, time);
    if (change === undefined || change.to === before) return undefined;
    change.from = before;
    return change;
  }

  private evaluate(equity: number, time: number): TradingStateChange | undefined {
    if (this.state === "HALTED" || !Number.isFinite(equity)) return undefined;
    if (equity > this.peak) {
      this.peak = equity;
      this.marksMoved = true;
    }
    const drawdown = this.peak > 0 ? (this.peak - equity) / this.peak : 0;
    const day = Math.floor(time / DAY_MS);
    let change: TradingStateChange | undefined;
    if (day !== this.day) {
      this.day = day;
      // Unknown after a resume between two symbols' bars of a step (resumedMidStep): the day starts from this step.
      this.dayStartEquity = this.lastEquity === this.lastEquity ? this.lastEquity : equity;
      this.marksMoved = true;
      const drawdownOk = this.maxDrawdown === undefined || !reached(drawdown, this.maxDrawdown);
      if (this.state === "REDUCING" && this.reducingByDailyLossOnly && drawdownOk) {
        change = this.move("ACTIVE", "new UTC day: daily loss limit reset", time);
      }
    }
    this.lastEquity = equity;
    if (this.dayStartEquity !== this.dayStartEquity) this.dayStartEquity = equity;
    const dailyLoss = this.dayStartEquity > 0 ? (this.dayStartEquity - equity) / this.dayStartEquity : 0;
    if (this.haltDrawdown !== undefined && reached(drawdown, this.haltDrawdown)) {
      return this.move("HALTED", `drawdown ${pct(drawdown)} reached haltDrawdown ${pct(this.haltDrawdown)}`, time);
    }
    if (this.haltDailyLoss !== undefined && reached(dailyLoss, this.haltDailyLoss)) {
      return this.move("HALTED", `daily loss ${pct(dailyLoss)} reached haltDailyLoss ${pct(this.haltDailyLoss)}`, time);
    }
    if (this.maxDrawdown !== undefined && reached(drawdown, this.maxDrawdown)) {
      this.reducingByDailyLossOnly = false;
      if (this.state === "ACTIVE") return this.move("REDUCING", `drawdown ${pct(drawdown)} reached maxDrawdown ${pct(this.maxDrawdown)}`, time);
      return change;
    }
    if (this.maxDailyLoss !== undefined && reached(dailyLoss, this.maxDailyLoss) && this.state === "ACTIVE") {
      this.reducingByDailyLossOnly = true;
      return this.move("REDUCING", `daily loss ${pct(dailyLoss)} reached maxDailyLoss ${pct(this.maxDailyLoss)}`, time);
    }
    return change;
  }

  /** Halts trading for a reason outside the equity limits (circuit breaker). */
  halt(reason: string, time: number): TradingStateChange | undefined {
    return this.state === "HALTED" ? undefined : this.move("HALTED", reason, time);
  }

  private move(to: TradingState, reason: string, time: number): TradingStateChange {
    const from = this.state;
    this.state = to;
    return { from, to, reason, time };
  }
}

/**
 * When the equity limits judge a session's equity: once per time step, when the step is complete, so every symbol is
 * marked at a close of the same time (judged after one symbol's bar, a hedge whose legs both rose would show the gain
 * of one leg and then its loss: a peak, or a day's start, that never was). A step is complete when each symbol's bar of
 * its open time has arrived (in any order), or else when a bar of a later time arrives: a symbol without a bar at that
 * time keeps its last close. With one symbol every bar completes its step and is judged at once.
 */
export class EquitySteps {
  /** Open time of the newest step; −∞ before the first bar. */
  private openTime = Number.NEGATIVE_INFINITY;
  /** Close time of the newest step: the engine clock of its judgement. */
  private closeTime = Number.NaN;
  /** Bars of the newest step so far, one per symbol at most (a symbol's bars only move forward). */
  private arrived = 0;
  /** Whether the newest step was judged (true while there is none). */
  private judged = true;

  /**
   * Notes a bar before it moves any mark. A bar of a later time opens a new step; if the one before was left unjudged,
   * gives that step's close time: judge it now, on the marks it left. Else undefined.
   */
  begin(openTime: number, closeTime: number): number | undefined {
    if (!(openTime > this.openTime)) return undefined;
    const unjudged = this.judged ? undefined : this.closeTime;
    this.openTime = openTime;
    this.closeTime = closeTime;
    this.arrived = 0;
    this.judged = false;
    return unjudged;
  }

  /** Counts a bar of the newest step (a late bar of an earlier one does not count); true when it completes it: judge it now. */
  complete(openTime: number, symbols: number): boolean {
    if (openTime !== this.openTime || this.judged || ++this.arrived < symbols) return false;
    this.judged = true;
    return true;
  }

  /**
   * Takes up the step a resumed session's journal ends in: `arrived` of its `symbols` bars were processed before the stop.
   * Complete, the earlier session judged it (a step is judged in the turn of its last bar); short of bars, the rest come
   * now and the last of them judges it before its turn, as without the stop.
   */
  resume(openTime: number, closeTime: number, arrived: number, symbols: number): void {
    this.openTime = openTime;
    this.closeTime = closeTime;
    this.arrived = arrived;
    this.judged = arrived >= symbols;
  }

  /** The close time of the newest step if it was left unjudged, now taken as judged (the data ended); else undefined. */
  takeUnjudged(): number | undefined {
    if (this.judged) return undefined;
    this.judged = true;
    return this.closeTime;
  }
}

/** `value` ≥ `limit`, forgiving the last bits of floating-point error (10% of 1200 is 120, not 119.99999999999999). */
function reached(value: number, limit: number): boolean {
  return value >= limit - 1e-12;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

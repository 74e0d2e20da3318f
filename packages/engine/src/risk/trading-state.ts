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
  /** The `maxDrawdown` a drawdown reached (the session went REDUCING, or past it), undefined when none did. */
  reducedByDrawdown?: number;
  /** The `maxDailyLoss` the daily loss of `day` reached, undefined when none did. */
  reducedByDailyLoss?: number;
  /**
   * The equity of the last time step judged, and the engine clock it was judged at (the step's close): what a new UTC
   * day starts from. Both undefined when none is kept: a halted session judges no later step, and marks written before
   * they were kept have none.
   */
  lastStepEquity?: number;
  /** See lastStepEquity. */
  lastStepTime?: number;
}

/**
 * Tracks equity against the drawdown and daily-loss limits.
 * - drawdown = (peak − equity) / peak, the peak being the highest equity seen this session (and, resumed from a
 *   journal, by the sessions before it);
 *   ≥ maxDrawdown → REDUCING (stays so for the session, and the sessions resumed on its journal), ≥ haltDrawdown → HALTED.
 * - daily loss = (day-start equity − equity) / day-start equity, the day-start equity being the last
 *   equity seen before the UTC day (engine clock) began (the initial equity on the first day);
 *   ≥ maxDailyLoss → REDUCING until the next UTC day, ≥ haltDailyLoss → HALTED.
 * HALTED is final: only a new session trades again. Resumed from a journal, a REDUCING the marks record is kept while
 * its limit is not raised (by drawdown: for good; by daily loss: for the rest of its UTC day), and the figures at the
 * start are judged before anything trades (see {@link judgeAtStart}).
 */
export class TradingStateMachine {
  state: TradingState = "ACTIVE";
  peak: number;
  dayStartEquity: number;
  private day = Number.NaN;
  /** The equity a new day starts from: the last judged (the equity at start until a step is, see resumedMidStep). */
  private lastEquity: number;
  /** The engine clock `lastEquity` was judged at; −∞ for the equity at start. */
  private lastTime = Number.NEGATIVE_INFINITY;
  /** The journal's last judged step, kept in the marks until this session judges one (see EquityMarks.lastStepEquity). */
  private keptStep: { equity: number; time: number } | undefined;
  /** The maxDrawdown the drawdown reached (this session, or one before it on the journal): REDUCING for good. */
  private drawdownReached: number | undefined;
  /** The maxDailyLoss the daily loss of `day` reached: REDUCING until the next UTC day. */
  private dailyLossReached: number | undefined;
  /** Resumed between two symbols' bars of one step: the equity at start is a mixed figure (see resumedMidStep). */
  private midStep = false;
  /** Set when a step was judged, or a REDUCING limit reached or lifted, since {@link takeMarks}. */
  private marksMoved = false;
  private readonly maxDrawdown: number | undefined;
  private readonly haltDrawdown: number | undefined;
  private readonly maxDailyLoss: number | undefined;
  private readonly haltDailyLoss: number | undefined;

  /**
   * `restored`: the marks a previous session of the same journal left. The peak goes on from them (raised to the equity
   * now if that is higher), and so does the day's start while the engine clock is still in their UTC day; a later day
   * starts from the equity now, as a session's first day does. A REDUCING they record is kept unless its limit is now
   * raised or gone (a restart is no reason to lift it; a trader who raises the limit means to trade on).
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
      this.drawdownReached = kept(restored.reducedByDrawdown, this.maxDrawdown);
      this.dailyLossReached = kept(restored.reducedByDailyLoss, this.maxDailyLoss);
      // Lifted by a raised limit: recorded so at once, or a later start with the lower limit would find it again.
      if (this.drawdownReached !== restored.reducedByDrawdown || this.dailyLossReached !== restored.reducedByDailyLoss) this.marksMoved = true;
      if (restored.lastStepEquity !== undefined && restored.lastStepTime !== undefined) {
        // Without an equity limit no step is judged: the step kept is forgotten, or a later session would start a day from
        // it as if it were the step just before its own.
        if (this.watchesEquity) this.keptStep = { equity: restored.lastStepEquity, time: restored.lastStepTime };
        else this.marksMoved = true;
      }
    }
  }

  /**
   * Resumed between two symbols' bars of one time step: the equity the session started with values one symbol at the
   * new step's close and another at the step before's, a figure that never was (a hedged book looks like a loss or a
   * gain). The peak and the day's start are not taken from it; the first judged step sets what they would have taken. A
   * new day that step opens starts, as in an uninterrupted session, from the last step judged before it, which the marks
   * keep; from that step's own equity when they keep none (a halt judged no later step; marks written before they kept it).
   */
  resumedMidStep(): void {
    this.midStep = true;
    this.peak = this.restored?.peak ?? Number.NEGATIVE_INFINITY;
    if (this.restored === undefined) this.dayStartEquity = Number.NaN;
    this.lastEquity = this.keptStep?.equity ?? Number.NaN;
    this.lastTime = this.keptStep?.time ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * The marks to keep for a restart when they moved since the last call (a judged step, a limit reached or lifted), else
   * undefined. HALTED, they keep no last step: no later step is judged, so it would not be the one before a resumed step.
   */
  takeMarks(): EquityMarks | undefined {
    if (!this.marksMoved) return undefined;
    this.marksMoved = false;
    const marks: EquityMarks = { peak: this.peak, dayStartEquity: this.dayStartEquity, day: this.day * DAY_MS };
    if (this.drawdownReached !== undefined) marks.reducedByDrawdown = this.drawdownReached;
    if (this.dailyLossReached !== undefined) marks.reducedByDailyLoss = this.dailyLossReached;
    if (this.state === "HALTED") return marks;
    if (Number.isFinite(this.lastTime) && this.lastEquity === this.lastEquity) {
      marks.lastStepEquity = this.lastEquity;
      marks.lastStepTime = this.lastTime;
    } else if (this.keptStep !== undefined) {
      marks.lastStepEquity = this.keptStep.equity;
      marks.lastStepTime = this.keptStep.time;
    }
    return marks;
  }

  /**
   * Judges a resumed session before anything trades (init, a first bar's turn, orders heard between bars), at the engine
   * clock `time`, with the equity the venue reports at start: the drawdown from the restored peak, the daily loss from the
   * restored day start while `time` is in its UTC day, then a REDUCING the journal kept. Moves neither the peak nor the
   * day's start (the first judged step does). Resumed between two symbols' bars of a step (resumedMidStep), the equity
   * is a mixed figure that never was (a hedged book shows a loss or a gain): only the kept REDUCING applies, and the
   * first judged step, complete, judges the figures. Undefined when not resumed.
   */
  judgeAtStart(equity: number, time: number): TradingStateChange | undefined {
    if (this.restored === undefined || this.state === "HALTED") return undefined;
    const sameDay = Math.floor(time / DAY_MS) === this.day;
    if (!this.midStep && Number.isFinite(equity)) {
      const drawdown = this.peak > 0 ? (this.peak - equity) / this.peak : 0;
      const dailyLoss = sameDay && this.dayStartEquity > 0 ? (this.dayStartEquity - equity) / this.dayStartEquity : 0;
      const change = this.judge(drawdown, dailyLoss, time, " (judged at the start, from the journal's marks)");
      if (change !== undefined) return change;
    }
    return this.keepReducing(sameDay, time);
  }

  /** REDUCING from a limit the journal's marks say was reached (a drawdown; a daily loss of this UTC day), if ACTIVE. */
  private keepReducing(sameDay: boolean, time: number): TradingStateChange | undefined {
    if (this.state !== "ACTIVE") return undefined;
    if (this.drawdownReached !== undefined) {
      return this.move("REDUCING", `drawdown reached maxDrawdown ${pct(this.drawdownReached)} before the restart (REDUCING for good)`, time);
    }
    if (sameDay && this.dailyLossReached !== undefined) {
      const day = new Date(this.day * DAY_MS).toISOString().slice(0, 10);
      return this.move("REDUCING", `daily loss reached maxDailyLoss ${pct(this.dailyLossReached)} on ${day} before the restart (REDUCING until the next UTC day)`, time);
    }
    return undefined;
  }

  /** True when resumed from a journal's marks. */
  get resumed(): boolean {
    return this.restored !== undefined;
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
      // Unknown after a resume between two symbols' bars of a step whose marks keep no last step (resumedMidStep), or
      // one kept from a step not before this one (marks of another run): the day starts from this step.
      this.dayStartEquity = this.lastEquity === this.lastEquity && this.lastTime < time ? this.lastEquity : equity;
      this.dailyLossReached = undefined;
      this.marksMoved = true;
      const drawdownOk = this.maxDrawdown === undefined || !reached(drawdown, this.maxDrawdown);
      if (this.state === "REDUCING" && this.drawdownReached === undefined && drawdownOk) {
        change = this.move("ACTIVE", "new UTC day: daily loss limit reset", time);
      }
    }
    this.lastEquity = equity;
    this.lastTime = time;
    // Every judged step moves the last step the marks keep.
    this.marksMoved = true;
    if (this.dayStartEquity !== this.dayStartEquity) this.dayStartEquity = equity;
    const dailyLoss = this.dayStartEquity > 0 ? (this.dayStartEquity - equity) / this.dayStartEquity : 0;
    // A REDUCING the journal kept and the start could not apply (no equity then, or the clock in another day).
    return this.judge(drawdown, dailyLoss, time, "") ?? this.keepReducing(true, time) ?? change;
  }

  /** Moves on the figures (halt limits first); notes each REDUCING limit reached, for the journal. */
  private judge(drawdown: number, dailyLoss: number, time: number, suffix: string): TradingStateChange | undefined {
    if (this.maxDrawdown !== undefined && reached(drawdown, this.maxDrawdown) && this.drawdownReached === undefined) {
      this.drawdownReached = this.maxDrawdown;
      this.marksMoved = true;
    }
    if (this.maxDailyLoss !== undefined && reached(dailyLoss, this.maxDailyLoss) && this.dailyLossReached === undefined) {
      this.dailyLossReached = this.maxDailyLoss;
      this.marksMoved = true;
    }
    if (this.haltDrawdown !== undefined && reached(drawdown, this.haltDrawdown)) {
      return this.move("HALTED", `drawdown ${pct(drawdown)} reached haltDrawdown ${pct(this.haltDrawdown)}${suffix}`, time);
    }
    if (this.haltDailyLoss !== undefined && reached(dailyLoss, this.haltDailyLoss)) {
      return this.move("HALTED", `daily loss ${pct(dailyLoss)} reached haltDailyLoss ${pct(this.haltDailyLoss)}${suffix}`, time);
    }
    if (this.state !== "ACTIVE") return undefined;
    if (this.maxDrawdown !== undefined && reached(drawdown, this.maxDrawdown)) {
      return this.move("REDUCING", `drawdown ${pct(drawdown)} reached maxDrawdown ${pct(this.maxDrawdown)}${suffix}`, time);
    }
    if (this.maxDailyLoss !== undefined && reached(dailyLoss, this.maxDailyLoss)) {
      return this.move("REDUCING", `daily loss ${pct(dailyLoss)} reached maxDailyLoss ${pct(this.maxDailyLoss)}${suffix}`, time);
    }
    return undefined;
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

/** A REDUCING limit the journal recorded, kept while the limit configured now is not above it (nor gone). */
function kept(recorded: number | undefined, limit: number | undefined): number | undefined {
  return recorded !== undefined && limit !== undefined && limit <= recorded ? recorded : undefined;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

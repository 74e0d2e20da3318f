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

/**
 * Tracks equity against the drawdown and daily-loss limits.
 * - drawdown = (peak − equity) / peak, the peak being the highest equity seen this session;
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
  private readonly maxDrawdown: number | undefined;
  private readonly haltDrawdown: number | undefined;
  private readonly maxDailyLoss: number | undefined;
  private readonly haltDailyLoss: number | undefined;

  constructor(config: RiskConfig, initialEquity: number) {
    this.maxDrawdown = config.maxDrawdown;
    this.haltDrawdown = haltThreshold(config.maxDrawdown, config.haltDrawdown);
    this.maxDailyLoss = config.maxDailyLoss;
    this.haltDailyLoss = haltThreshold(config.maxDailyLoss, config.haltDailyLoss);
    this.peak = initialEquity;
    this.dayStartEquity = initialEquity;
    this.lastEquity = initialEquity;
  }

  /** True when equity limits are configured (otherwise equity need not be computed per bar). */
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
    if (equity > this.peak) this.peak = equity;
    const drawdown = this.peak > 0 ? (this.peak - equity) / this.peak : 0;
    const day = Math.floor(time / DAY_MS);
    let change: TradingStateChange | undefined;
    if (day !== this.day) {
      this.day = day;
      this.dayStartEquity = this.lastEquity;
      const drawdownOk = this.maxDrawdown === undefined || !reached(drawdown, this.maxDrawdown);
      if (this.state === "REDUCING" && this.reducingByDailyLossOnly && drawdownOk) {
        change = this.move("ACTIVE", "new UTC day: daily loss limit reset", time);
      }
    }
    this.lastEquity = equity;
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

/** `value` ≥ `limit`, forgiving the last bits of floating-point error (10% of 1200 is 120, not 119.99999999999999). */
function reached(value: number, limit: number): boolean {
  return value >= limit - 1e-12;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

import { describe, expect, test } from "bun:test";
import { parseConfig } from "@argo/core";
import { riskConfigSchema } from "./risk-config.ts";
import { type EquityMarks, TradingStateMachine } from "./trading-state.ts";

const DAY = 86_400_000;
const D = 100 * DAY; // the day the marks belong to
const machine = (input: unknown, equity: number, restored?: EquityMarks) =>
  new TradingStateMachine(parseConfig(riskConfigSchema, input, { label: "risk" }), equity, restored);

describe("TradingStateMachine resumed from a journal's marks", () => {
  test("the limits reached are kept in the marks: a daily loss for its day, a drawdown (also when it halts at once)", () => {
    const m = machine({ maxDailyLoss: 0.1 }, 1000);
    m.update(1000, D);
    m.takeMarks();
    expect(m.update(890, D + 1)).toMatchObject({ to: "REDUCING" }); // 11 % down on 1,000
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: D, reducedByDailyLoss: 0.1 });
    m.update(890, D + DAY); // the next day lifts it, and the mark with it
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 890, day: D + DAY });
    const h = machine({ maxDrawdown: 0.1 }, 1000);
    expect(h.update(800, D)).toMatchObject({ from: "ACTIVE", to: "HALTED" }); // 20 % ≥ the 15 % halt
    expect(h.takeMarks()?.reducedByDrawdown).toBe(0.1);
  });

  test("judged at the start: past a halt limit HALTED, the daily loss only in the marks' UTC day, no mark moved", () => {
    const marks = { peak: 1200, dayStartEquity: 1000, day: D };
    // Daily loss (1,000 − 920)/1,000 = 8 % ≥ the 7.5 % halt; drawdown (1,200 − 920)/1,200 = 23.3 %, no drawdown limit.
    const same = machine({ maxDailyLoss: 0.05 }, 920, marks);
    expect(same.judgeAtStart(920, D + 5)).toMatchObject({ from: "ACTIVE", to: "HALTED" });
    expect(same.judgeAtStart(920, D + 6)).toBeUndefined(); // told once
    const later = machine({ maxDailyLoss: 0.05 }, 920, marks);
    expect(later.judgeAtStart(920, D + DAY)).toBeUndefined(); // a later day starts from the equity now: no loss yet
    expect(later.takeMarks()).toBeUndefined();
    // A mixed figure at a mid-step restart (1,300) is not judged and raises no peak: 1,200 is still the peak afterwards.
    const mixed = machine({ maxDrawdown: 0.1 }, 1300, marks);
    mixed.resumedMidStep();
    expect(mixed.judgeAtStart(1300, D + 5)).toBeUndefined();
    expect(mixed.peak).toBe(1200);
    expect(mixed.update(1079, D + 6)).toMatchObject({ to: "REDUCING" }); // (1,200 − 1,079)/1,200 = 10.08 %
  });

  test("resumed mid-step: the mixed figure at the start neither moves the state nor records a REDUCING (review)", () => {
    // Peak 10,000; a hedged book resumed between its legs' bars shows 8,900 (11 % down), a figure that never was.
    const m = machine({ maxDrawdown: 0.1 }, 8900, { peak: 10_000, dayStartEquity: 10_000, day: D });
    m.resumedMidStep();
    expect(m.judgeAtStart(8900, D + 5)).toBeUndefined();
    expect(m.takeMarks()?.reducedByDrawdown).toBeUndefined();
    // The step, complete, is back at the peak: ACTIVE, and nothing recorded for a restart to find.
    expect(m.update(10_000, D + 6)).toBeUndefined();
    expect(m.state).toBe("ACTIVE");
    expect(m.takeMarks()?.reducedByDrawdown).toBeUndefined();
  });

  test("resumed mid-step with a REDUCING recorded: that one still applies at the start", () => {
    const m = machine({ maxDrawdown: 0.1 }, 9950, { peak: 10_000, dayStartEquity: 10_000, day: D, reducedByDrawdown: 0.1 });
    m.resumedMidStep();
    expect(m.judgeAtStart(9950, D + 5)).toMatchObject({ from: "ACTIVE", to: "REDUCING" });
  });

  test("a REDUCING recorded: kept while its limit is not raised (daily: its UTC day only); raising it clears the record", () => {
    const marks = { peak: 1000, dayStartEquity: 1000, day: D, reducedByDailyLoss: 0.05, reducedByDrawdown: 0.1 };
    const kept = machine({ maxDailyLoss: 0.05, maxDrawdown: 0.08 }, 990, marks); // a lower limit keeps it too
    expect(kept.judgeAtStart(990, D + DAY)).toMatchObject({ to: "REDUCING" });
    expect(kept.state).toBe("REDUCING");
    const daily = machine({ maxDailyLoss: 0.05 }, 990, marks); // no drawdown limit now: that record goes
    expect(daily.judgeAtStart(990, D + 7)?.reason).toContain("maxDailyLoss 5.00%");
    expect(daily.update(990, D + DAY)).toMatchObject({ from: "REDUCING", to: "ACTIVE" }); // the next day lifts it
    const nextDay = machine({ maxDailyLoss: 0.05 }, 990, marks);
    expect(nextDay.judgeAtStart(990, D + DAY)).toBeUndefined();
    const raised = machine({ maxDailyLoss: 0.06, maxDrawdown: 0.2 }, 990, marks);
    expect(raised.judgeAtStart(990, D + 7)).toBeUndefined();
    expect(raised.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: D });
  });

  test("a REDUCING the start could not apply (the clock in another day than the marks) applies at the first judged step of their day", () => {
    const m = machine({ maxDailyLoss: 0.05 }, 990, { peak: 1000, dayStartEquity: 1000, day: D, reducedByDailyLoss: 0.05 });
    expect(m.judgeAtStart(990, D + 30 * DAY)).toBeUndefined(); // a replay: the wall clock far from the data's day
    expect(m.update(990, D + 9)).toMatchObject({ from: "ACTIVE", to: "REDUCING" }); // 1 % down only: the record holds it
  });
});

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
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: D, reducedByDailyLoss: 0.1, lastStepEquity: 890, lastStepTime: D + 1 });
    m.update(890, D + DAY); // the next day lifts it, and the mark with it
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 890, day: D + DAY, lastStepEquity: 890, lastStepTime: D + DAY });
    const h = machine({ maxDrawdown: 0.1 }, 1000);
    expect(h.update(800, D)).toMatchObject({ from: "ACTIVE", to: "HALTED" }); // 20 % ≥ the 15 % halt
    expect(h.takeMarks()?.reducedByDrawdown).toBe(0.1);
  });

  test("resumed mid-step: a new day the first judged step opens starts from the marks' last step, as uninterrupted", () => {
    const H = 3_600_000;
    // Uninterrupted: 1,000 at every step of day D, the last judged at 23:00; the step closing at 00:00 (D + 1) marks
    // 940: (1,000 − 940)/1,000 = 6 % down on the new day, REDUCING at 5 % (not the 7.5 % halt).
    const u = machine({ maxDailyLoss: 0.05 }, 1000);
    u.update(1000, D + 22 * H);
    u.update(1000, D + 23 * H);
    const marks = u.takeMarks()!;
    expect(marks).toEqual({ peak: 1000, dayStartEquity: 1000, day: D, lastStepEquity: 1000, lastStepTime: D + 23 * H });
    expect(u.update(940, D + DAY)).toMatchObject({ from: "ACTIVE", to: "REDUCING" });
    // Stopped after the 23:00 step, between the next step's two bars (a mixed 970 at the start): the same REDUCING.
    const r = machine({ maxDailyLoss: 0.05 }, 970, marks);
    r.resumedMidStep();
    expect(r.judgeAtStart(970, D + 23 * H)).toBeUndefined();
    expect(r.update(940, D + DAY)).toEqual({ from: "ACTIVE", to: "REDUCING", reason: "daily loss 6.00% reached maxDailyLoss 5.00%", time: D + DAY });
    expect(r.dayStartEquity).toBe(1000);
    // Marks keeping no last step (a halt; written before they kept one), or one not judged before this step (marks of
    // another run): the day starts from the step's own 940, no loss yet.
    const { lastStepEquity: _e, lastStepTime: _t, ...older } = marks;
    for (const kept of [older, { ...marks, lastStepTime: D + DAY }]) {
      const o = machine({ maxDailyLoss: 0.05 }, 970, kept);
      o.resumedMidStep();
      expect(o.update(940, D + DAY)).toBeUndefined();
      expect(o.dayStartEquity).toBe(940);
    }
  });

  test("the last step kept: carried until a step is judged, never after a halt, forgotten without equity limits", () => {
    const marks = { peak: 1000, dayStartEquity: 1000, day: D, lastStepEquity: 990, lastStepTime: D + 5 };
    const carried = machine({ maxDailyLoss: 0.05, maxDrawdown: 0.2 }, 990, { ...marks, reducedByDailyLoss: 0.05 });
    carried.judgeAtStart(990, D + 6); // REDUCING kept for the day; no step judged yet
    expect(carried.takeMarks()).toBeUndefined();
    const lifted = machine({ maxDailyLoss: 0.06 }, 990, { ...marks, reducedByDailyLoss: 0.05 }); // raised: the record goes
    expect(lifted.takeMarks()).toEqual(marks);
    // No equity limit: no step is judged from here, so the step kept is no longer the one before a later session's.
    expect(machine({}, 990, marks).takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: D });
    const halted = machine({ maxDailyLoss: 0.05 }, 990, marks);
    expect(halted.update(900, D + 7)).toMatchObject({ to: "HALTED" }); // (1,000 − 900)/1,000 = 10 % ≥ 7.5 %
    expect(halted.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: D, reducedByDailyLoss: 0.05 });
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

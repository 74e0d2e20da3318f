import { describe, expect, test } from "bun:test";
import { ArgoError, parseConfig } from "@argo/core";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { riskConfigSchema } from "./risk-config.ts";
import { EquitySteps, TradingStateMachine } from "./trading-state.ts";

const DAY = 86_400_000;
const machine = (input: unknown, equity = 1000) => new TradingStateMachine(parseConfig(riskConfigSchema, input, { label: "risk" }), equity);

describe("TradingStateMachine", () => {
  test("drawdown: REDUCING at maxDrawdown, HALTED at the default 1.5× (15% for 10%)", () => {
    const m = machine({ maxDrawdown: 0.1 });
    expect(m.update(1200, 0)).toBeUndefined(); // new peak 1200
    expect(m.update(1081, 1)).toBeUndefined(); // 9.9%
    const reducing = m.update(1080, 2); // (1200 − 1080)/1200 = 10%
    expect(reducing).toMatchObject({ from: "ACTIVE", to: "REDUCING" });
    expect(reducing?.reason).toContain("maxDrawdown");
    expect(m.update(1190, 3)).toBeUndefined(); // recovering does not lift a drawdown REDUCING
    expect(m.state).toBe("REDUCING");
    expect(m.update(1021, 4)).toBeUndefined(); // 14.9%
    expect(m.update(1020, 5)).toMatchObject({ from: "REDUCING", to: "HALTED" }); // 15%
    expect(m.update(5000, 6)).toBeUndefined();
    expect(m.state).toBe("HALTED");
  });

  test("a new day that lifts a daily-loss REDUCING and a halt in the same update give one change from REDUCING", () => {
    const m = machine({ maxDailyLoss: 0.1 });
    expect(m.update(890, 1)).toMatchObject({ from: "ACTIVE", to: "REDUCING" }); // 11% down on the day
    // Next day: the reset to ACTIVE and a 22% fall from 890 (≥ the default 15% halt) happen in one update.
    expect(m.update(690, DAY + 1)).toMatchObject({ from: "REDUCING", to: "HALTED" });
    expect(m.state).toBe("HALTED");
  });

  test("an explicit haltDrawdown is used; jumping past it halts directly", () => {
    const m = machine({ maxDrawdown: 0.1, haltDrawdown: 0.3 });
    expect(m.update(790, 0)).toMatchObject({ to: "REDUCING" }); // 21%
    expect(m.update(701, 1)).toBeUndefined(); // 29.9%
    expect(machine({ maxDrawdown: 0.1, haltDrawdown: 0.3 }).update(700, 0)).toMatchObject({ from: "ACTIVE", to: "HALTED" });
  });

  test("daily loss: measured from the equity at the end of the previous UTC day, REDUCING lifts the next day", () => {
    const m = machine({ maxDailyLoss: 0.05, haltDailyLoss: 0.2 }, 2000);
    const day1 = 10 * DAY;
    expect(m.update(2000, day1)).toBeUndefined(); // the first day starts from the initial 2000
    expect(m.update(1901, day1 + 1000)).toBeUndefined(); // 4.95%
    expect(m.update(1900, day1 + 2000)).toMatchObject({ to: "REDUCING" }); // 5%
    expect(m.dayStartEquity).toBe(2000);
    expect(m.update(1950, day1 + DAY)).toMatchObject({ from: "REDUCING", to: "ACTIVE" }); // next day starts from 1900
    expect(m.dayStartEquity).toBe(1900);
    expect(m.update(1521, day1 + DAY + 1)).toMatchObject({ from: "ACTIVE", to: "REDUCING" }); // 19.95% of 1900
    expect(m.update(1520, day1 + DAY + 2)).toMatchObject({ from: "REDUCING", to: "HALTED" }); // 20% = 380
  });

  test("halt() for the circuit breaker happens once", () => {
    const m = machine({});
    expect(m.watchesEquity).toBe(false);
    expect(m.halt("breaker", 7)).toEqual({ from: "ACTIVE", to: "HALTED", reason: "breaker", time: 7 });
    expect(m.halt("again", 8)).toBeUndefined();
  });
});

describe("TradingStateMachine resumed from a journal's marks", () => {
  const resumed = (input: unknown, equity: number, marks: { peak: number; dayStartEquity: number; day: number }) =>
    new TradingStateMachine(parseConfig(riskConfigSchema, input, { label: "risk" }), equity, marks);

  test("the same UTC day goes on from the recorded day start: the loss before the restart still counts", () => {
    // Day start 10,000 recorded; the restart finds 9,406. 9,208 is (10,000 − 9,208)/10,000 = 7.92% down on the day,
    // past the default halt (1.5 × 5% = 7.5%); measured from 9,406 it would be 2.1% only.
    const m = resumed({ maxDailyLoss: 0.05 }, 9406, { peak: 10_000, dayStartEquity: 10_000, day: 10 * DAY });
    expect(m.update(9307, 10 * DAY + 5000)).toMatchObject({ from: "ACTIVE", to: "REDUCING" }); // 6.93%
    expect(m.update(9208, 10 * DAY + 6000)).toMatchObject({ from: "REDUCING", to: "HALTED" });
    expect(m.dayStartEquity).toBe(10_000);
  });

  test("a later UTC day starts from the equity at the restart, as a session's first day does", () => {
    const m = resumed({ maxDailyLoss: 0.05 }, 9406, { peak: 10_000, dayStartEquity: 10_000, day: 10 * DAY });
    expect(m.update(9307, 11 * DAY + 5000)).toBeUndefined(); // (9,406 − 9,307)/9,406 = 1.05%
    expect(m.dayStartEquity).toBe(9406);
    expect(m.takeMarks()).toEqual({ peak: 10_000, dayStartEquity: 9406, day: 11 * DAY, lastStepEquity: 9307, lastStepTime: 11 * DAY + 5000 });
  });

  test("the drawdown goes on from the recorded peak; an equity above it at the restart is the new peak", () => {
    const m = resumed({ maxDrawdown: 0.1 }, 10_396, { peak: 10_990, dayStartEquity: 10_000, day: 0 });
    expect(m.peak).toBe(10_990);
    expect(m.update(9802, 1000)).toMatchObject({ to: "REDUCING" }); // (10,990 − 9,802)/10,990 = 10.81%
    expect(resumed({ maxDrawdown: 0.1 }, 12_000, { peak: 10_990, dayStartEquity: 10_000, day: 0 }).peak).toBe(12_000);
  });

  test("takeMarks gives the marks once after each judged step (with that step's equity and clock), and nothing in between", () => {
    const m = machine({ maxDrawdown: 0.5 }, 1000);
    expect(m.takeMarks()).toBeUndefined(); // nothing judged yet
    m.update(1000, 2 * DAY + 1); // the first day starts from 1,000
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: 2 * DAY, lastStepEquity: 1000, lastStepTime: 2 * DAY + 1 });
    expect(m.takeMarks()).toBeUndefined();
    m.update(990, 2 * DAY + 2); // below the peak, same day: only the last step moved
    expect(m.takeMarks()).toEqual({ peak: 1000, dayStartEquity: 1000, day: 2 * DAY, lastStepEquity: 990, lastStepTime: 2 * DAY + 2 });
    m.update(1100, 2 * DAY + 3);
    expect(m.takeMarks()).toEqual({ peak: 1100, dayStartEquity: 1000, day: 2 * DAY, lastStepEquity: 1100, lastStepTime: 2 * DAY + 3 });
    m.update(1050, 3 * DAY); // the day starts from the last equity before it, 1,100
    expect(m.takeMarks()).toEqual({ peak: 1100, dayStartEquity: 1100, day: 3 * DAY, lastStepEquity: 1050, lastStepTime: 3 * DAY });
  });
});

describe("EquitySteps", () => {
  test("two symbols: a step is judged at the bar that completes it, in either symbol order", () => {
    const steps = new EquitySteps();
    expect(steps.begin(0, 60)).toBeUndefined(); // the first step: nothing before it
    expect(steps.complete(0, 2)).toBe(false); // X of step 0
    expect(steps.complete(0, 2)).toBe(true); // Y of step 0: complete
    expect(steps.begin(60, 120)).toBeUndefined(); // step 0 was judged
    expect(steps.complete(60, 2)).toBe(false);
    expect(steps.complete(60, 2)).toBe(true);
  });

  test("a step a symbol has no bar in is judged when a bar of a later time arrives, at its own close time", () => {
    const steps = new EquitySteps();
    steps.begin(0, 60);
    expect(steps.complete(0, 2)).toBe(false); // only X at 0
    expect(steps.begin(60, 120)).toBe(60); // judge step 0 now, at its close
    expect(steps.complete(60, 2)).toBe(false);
    expect(steps.begin(60, 120)).toBeUndefined(); // Y of the same step opens nothing
    expect(steps.complete(60, 2)).toBe(true);
  });

  test("a late bar of an earlier step does not count toward the newest one", () => {
    const steps = new EquitySteps();
    steps.begin(0, 60);
    steps.complete(0, 2);
    expect(steps.begin(60, 120)).toBe(60);
    expect(steps.complete(60, 2)).toBe(false); // X at 60
    expect(steps.begin(0, 60)).toBeUndefined(); // Y's late bar at 0
    expect(steps.complete(0, 2)).toBe(false);
    expect(steps.takeUnjudged()).toBe(120); // step 60 still lacks Y: judged only when the data ends
    expect(steps.takeUnjudged()).toBeUndefined(); // once
  });

  test("one symbol: every bar completes its step, so nothing is ever left for a later bar", () => {
    const steps = new EquitySteps();
    for (let t = 0; t < 5; t++) {
      expect(steps.begin(t * 60, t * 60 + 60)).toBeUndefined();
      expect(steps.complete(t * 60, 1)).toBe(true);
    }
    expect(steps.takeUnjudged()).toBeUndefined();
  });
});

describe("CircuitBreaker", () => {
  test("trips after N consecutive provider failures; a success or an order refusal resets the count", () => {
    const breaker = new CircuitBreaker(3);
    const lost = new ArgoError("CONNECTION_LOST", "x");
    expect(breaker.failure(lost)).toBe(false);
    expect(breaker.failure(lost)).toBe(false);
    breaker.success();
    expect(breaker.failure(lost)).toBe(false);
    expect(breaker.failure(new ArgoError("INSUFFICIENT_FUNDS", "x"))).toBe(false);
    expect(breaker.failures).toBe(0);
    expect(breaker.failure(lost)).toBe(false);
    expect(breaker.failure(new ArgoError("RATE_LIMITED", "x"))).toBe(false);
    expect(breaker.failure(lost)).toBe(true);
    expect(breaker.tripped).toBe(true);
    expect(breaker.failure(lost)).toBe(false); // trips once
  });
});

import { describe, expect, test } from "bun:test";
import { ArgoError, parseConfig } from "@argo/core";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { riskConfigSchema } from "./risk-config.ts";
import { TradingStateMachine } from "./trading-state.ts";

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

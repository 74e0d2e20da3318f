// Simulated bars that all fall outside a backtest's range validated, then the backtest stopped with "no bars" (exit 1).
// The provider's session check now refuses them at startTime when the session gives a range, naming the start, bars
// and interval and the range. Bar times worked out by hand: 10 daily bars from 2024-01-01 open 2024-01-01 to 2024-01-10.
import { describe, expect, test } from "bun:test";
import { simulatedBacktestRangeIssue } from "./backtest-range-issue.ts";
import { checkSimulatedSession, simulatedConfigSchema } from "./simulated-config.ts";
import * as v from "valibot";

const DAY = 86_400_000;
const JAN1 = Date.UTC(2024, 0, 1);
const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
const range = (from?: string, to?: string) => ({ from: from ? day(from) : -Infinity, to: to ? day(to) : Infinity });

describe("simulatedBacktestRangeIssue", () => {
  test("every bar before the range: named with start, bars, interval, first and last bar and the range", () => {
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 10 }, "1d", range("2025-01-01", "2025-02-01"))).toEqual({
      path: "startTime",
      message: "the simulated market data's 10 bars of 1d from startTime 2024-01-01T00:00:00.000Z (opening 2024-01-01T00:00:00.000Z to "
        + "2024-01-10T00:00:00.000Z) fall outside the backtest range [2025-01-01, 2025-02-01), all before 2025-01-01: a backtest would have "
        + "no bars; set market_data.config.startTime or bars, or backtest.from / backtest.to (argo backtest --from / --to), so that they meet",
    });
  });

  test("every bar at or after `to` (exclusive): 'all from <to> on'", () => {
    const issue = simulatedBacktestRangeIssue({ startTime: JAN1, bars: 10 }, "1d", range(undefined, "2024-01-01"));
    expect(issue?.message).toContain("fall outside the backtest range [start, 2024-01-01), all from 2024-01-01 on:");
  });

  test("a range between two weekly bars has none; the last bar's day, the first's, or an open range has one", () => {
    // Weekly bars from Monday 2024-01-01: 01-01, 01-08, 01-15; 01-02..01-08 holds none of them (01-08 is excluded).
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 3 }, "1w", range("2024-01-02", "2024-01-08"))?.message).toContain("it falls between two bars");
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 3 }, "1w", range("2024-01-15"))).toBeUndefined();
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 10 }, "1d", range("2023-01-01", "2024-01-02"))).toBeUndefined();
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 10 }, "1d", range())).toBeUndefined();
    // Ten daily bars end on 01-10: a range from 01-11 misses, one from 01-10 holds the last.
    expect(simulatedBacktestRangeIssue({ startTime: JAN1 + 0 * DAY, bars: 10 }, "1d", range("2024-01-11"))).toBeDefined();
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 10 }, "1d", range("2024-01-10"))).toBeUndefined();
  });

  test("monthly bars are stepped by calendar month: 3 from 2024-01-01 open Jan, Feb, Mar 1st", () => {
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 3 }, "1M", range("2024-03-01"))).toBeUndefined();
    expect(simulatedBacktestRangeIssue({ startTime: JAN1, bars: 3 }, "1M", range("2024-03-02"))?.message).toContain("(opening 2024-01-01T00:00:00.000Z to 2024-03-01T00:00:00.000Z)");
  });
});

describe("checkSimulatedSession", () => {
  const config = v.parse(simulatedConfigSchema, { startTime: "2024-01-01", bars: 10 });

  test("judges the range only when the session gives one (argo run replays none)", () => {
    expect(checkSimulatedSession(config, { symbols: ["X"], interval: "1d" })).toEqual([]);
    expect(checkSimulatedSession(config, { symbols: ["X"], interval: "1d", range: range("2025-01-01") }).map((issue) => issue.path)).toEqual(["startTime"]);
  });
});

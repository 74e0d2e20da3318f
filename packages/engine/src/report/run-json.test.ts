// run.json's exact text: the fields of ReportRun in their declared order whatever order the given object has, bar
// times as ISO 8601 (null when no bar was replayed), abortReason only when aborted, and nothing the type does not name.
import { describe, expect, test } from "bun:test";
import { runToJson } from "./run-json.ts";
import type { ReportRun } from "./types.ts";

const COMPLETED: ReportRun = {
  status: "completed", bars: 3, symbols: ["X", "Y"], interval: "1h", benchmarkSymbol: "X", closeAtEnd: false,
  firstBarTime: Date.UTC(2021, 0, 2, 3, 4, 5, 6), lastBarTime: Date.UTC(2021, 0, 2, 5), strategyErrors: 1, ordersRejected: 2, errors: 3,
  tradingState: "REDUCING", warnings: ["w1"],
};

describe("runToJson", () => {
  test("a completed run: every field in ReportRun's order, two-space indented, one newline at the end", () => {
    expect(runToJson(COMPLETED)).toBe(`{
  "status": "completed",
  "bars": 3,
  "symbols": [
    "X",
    "Y"
  ],
  "interval": "1h",
  "benchmarkSymbol": "X",
  "closeAtEnd": false,
  "firstBarTime": "2021-01-02T03:04:05.006Z",
  "lastBarTime": "2021-01-02T05:00:00.000Z",
  "strategyErrors": 1,
  "ordersRejected": 2,
  "errors": 3,
  "tradingState": "REDUCING",
  "warnings": [
    "w1"
  ]
}
`);
  });

  test("an aborted run built in another key order, with no bar and a field ReportRun does not name: the same order, times null, the extra left out", () => {
    // Spread last, as a caller overriding a completed run would: abortReason is then the object's last key.
    const aborted = {
      ...COMPLETED, status: "aborted", bars: 0, firstBarTime: Number.NaN, lastBarTime: Number.NaN, warnings: [], abortReason: "quit",
      apiKey: "not-for-the-file",
    } as ReportRun;
    expect(runToJson(aborted)).toBe(`{
  "status": "aborted",
  "abortReason": "quit",
  "bars": 0,
  "symbols": [
    "X",
    "Y"
  ],
  "interval": "1h",
  "benchmarkSymbol": "X",
  "closeAtEnd": false,
  "firstBarTime": null,
  "lastBarTime": null,
  "strategyErrors": 1,
  "ordersRejected": 2,
  "errors": 3,
  "tradingState": "REDUCING",
  "warnings": []
}
`);
  });

  test("abortReason: an empty text when an aborted run gives none, left out of a completed run that carries one", () => {
    const parsed = (run: ReportRun) => JSON.parse(runToJson(run)) as Record<string, unknown>;
    const { abortReason: _, ...abortedWithout } = { ...COMPLETED, status: "aborted" as const, abortReason: "x" };
    expect(Object.keys(parsed(abortedWithout)).slice(0, 3)).toEqual(["status", "abortReason", "bars"]);
    expect(parsed(abortedWithout).abortReason).toBe("");
    expect("abortReason" in parsed({ ...COMPLETED, abortReason: "stale" })).toBe(false);
  });

  test("outOfMoney: after tradingState, its time as ISO 8601, its equity as is; absent from a run that kept money", () => {
    const text = runToJson({ ...COMPLETED, outOfMoney: { time: Date.UTC(2024, 0, 4), equity: -5_000.5 } });
    expect(text).toContain(`  "tradingState": "REDUCING",
  "outOfMoney": {
    "time": "2024-01-04T00:00:00.000Z",
    "equity": -5000.5
  },
  "warnings": [`);
    expect(runToJson(COMPLETED)).not.toContain("outOfMoney");
  });

  test("a time that is not a date (NaN, infinite, past the Date range) is null; the edge of the range is still a date", () => {
    const times = (firstBarTime: number) => JSON.parse(runToJson({ ...COMPLETED, firstBarTime })).firstBarTime as unknown;
    expect([Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 8.64e15 + 1].map(times)).toEqual([null, null, null, null]);
    expect(times(8.64e15)).toBe("+275760-09-13T00:00:00.000Z");
    expect(times(0)).toBe("1970-01-01T00:00:00.000Z");
  });
});

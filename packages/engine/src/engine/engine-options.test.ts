import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import * as v from "valibot";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { engineSettingsSchema } from "./engine-options.ts";

// Written by hand from the rule "a whole number from 1 (no leading zero), then one of s, m, h, d, w, M".
const GOOD = ["1s", "5m", "10m", "120m", "4h", "1d", "2w", "1M", "100d"];
const ZERO = ["0s", "0m", "0h", "0d", "0w", "0M", "00m", "000h"];

const settings = (interval: string) => ({ symbols: ["BTC"], interval });

describe("engine settings: the interval", () => {
  test("a positive count and a unit is accepted", () => {
    for (const interval of GOOD) expect(v.safeParse(engineSettingsSchema, settings(interval)).success).toBe(true);
  });

  test("a zero count is refused at `interval`, as are leading zeros", () => {
    for (const interval of [...ZERO, "05m", "01d"]) {
      const result = v.safeParse(engineSettingsSchema, settings(interval));
      expect(result.success).toBe(false);
      expect(result.issues!.map((issue) => v.getDotPath(issue))).toEqual(["interval"]);
    }
  });

  test("an interval longer than a year is refused at `interval`, naming the limit", () => {
    for (const interval of ["367d", "53w", "13M", "100000000w"]) {
      const result = v.safeParse(engineSettingsSchema, settings(interval));
      expect(result.success).toBe(false);
      expect(result.issues!.map((issue) => [v.getDotPath(issue), issue.message])).toEqual([["interval", 'must be at most a year long (366 days, e.g. "52w" or "12M")']]);
    }
    expect(v.safeParse(engineSettingsSchema, settings("52w")).success).toBe(true);
  });

  test("the engine refuses a zero interval as a config mistake naming the field, before it connects the venue", async () => {
    const run = await runEngine({ bars: barsFromCloses("BTC", randomCloses(5, 3, 100)), strategy: testStrategy({}), engine: { interval: "0m" } });
    expect(isArgoError(run.error, "INVALID_CONFIGURATION")).toBe(true);
    expect((run.error as Error).message).toContain("interval");
    expect(run.result).toBeUndefined();
    expect(run.venue.connectionState()).not.toBe("CONNECTED");
    expect(run.named("onEngineStart")).toEqual([]);
  });
});

describe("engine settings: the symbols", () => {
  const symbolIssues = (symbols: string[]) => v.safeParse(engineSettingsSchema, { symbols, interval: "1m" }).issues?.map((issue) => [v.getDotPath(issue), issue.message]);

  test("a symbol with white space at either end is refused at its index, naming the rule", () => {
    expect(symbolIssues(["BTC", "ETH "])).toEqual([["symbols.1", "must not start or end with white space"]]);
    expect(symbolIssues([" BTC"])).toEqual([["symbols.0", "must not start or end with white space"]]);
  });

  test("a tab or a line break inside a symbol is refused", () => {
    expect(symbolIssues(["BTC\tUSD"])).toEqual([["symbols.0", "must not contain control characters (a tab, a line break)"]]);
    expect(symbolIssues(["BTC\nUSD"])).toEqual([["symbols.0", "must not contain control characters (a tab, a line break)"]]);
  });

  test("a space inside a symbol (Interactive Brokers' BRK B), a dot, a slash or a dash is accepted", () => {
    expect(symbolIssues(["BRK B", "BRK.B", "BTC/USDT", "ES-2025"])).toBeUndefined();
  });
});

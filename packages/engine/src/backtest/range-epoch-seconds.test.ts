// `from`/`to` in epoch seconds by mistake read as January 1970: `from` replayed all history and `to` none, without an
// error. Such times (1970-01-02 to 1970-03-26 in milliseconds) are refused, naming the field and both readings.
import { describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import { BacktestEngine } from "./backtest-engine.ts";
import { bars, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

const rows = bars("XYZ", [[100, 100, 100, 100], [101, 101, 101, 101], [102, 102, 102, 102], [103, 103, 103, 103]]);

async function outcome(over: Partial<BacktestOptions>): Promise<{ error?: ArgoError; bars?: number }> {
  try {
    const engine = new BacktestEngine({
      symbols: ["XYZ"], interval: "1d", marketData: new InMemoryMarketData(rows), trading: createPaperVenue(NO_COSTS),
      strategy: strategy({ onBar() {} }), logger: silentLogger, ...over,
    });
    return { bars: (await engine.run()).bars };
  } catch (error) {
    if (!isArgoError(error)) throw error;
    return { error };
  }
}

// T0 = 2024-01-01T00:00:00Z is 19723 days after the epoch (54 × 365 + 13 leap days) = 1704067200 s. Read as ms that is
// 1970-01-20T17:21:07.200Z: 19 × 86400000 = 1641600000, remainder 62467200 ms = 17 h 21 min 7.2 s.
const T0_SECONDS = 1_704_067_200;
const READINGS = "1970-01-20T17:21:07.200Z in epoch milliseconds and 2024-01-01T00:00:00.000Z in epoch seconds";

describe("backtest from/to given in epoch seconds", () => {
  test.each([["from"], ["to"]])("%s in seconds is INVALID_CONFIGURATION naming the field and both readings", async (field) => {
    const { error } = await outcome({ [field]: T0_SECONDS });
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error?.message).toContain(`${field}: must be epoch milliseconds, not seconds: this is ${READINGS}`);
  });

  test("the same times in milliseconds run: from T0 + 1 day to T0 + 3 days replays the 2nd and 3rd bars", async () => {
    expect(T0).toBe(T0_SECONDS * 1000);
    expect(await outcome({ from: T0 + DAY, to: T0 + 3 * DAY })).toEqual({ bars: 2 });
  });

  test("times outside the window are untouched: from 0 and to just before 1e8 ms (1970-01-02T03:46:39.999Z)", async () => {
    // Every row lies after 1e8 ms, so this range holds none of them: the refusal is the usual "no bars", not the seconds one.
    const { error } = await outcome({ from: 0, to: 1e8 - 1 });
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.message).toContain("no bars for XYZ");
  });
});

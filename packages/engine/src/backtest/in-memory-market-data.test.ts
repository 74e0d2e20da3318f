import { describe, expect, test } from "bun:test";
import { isArgoError, type StreamItem } from "@argo/core";
import { bar, DAY, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

// Given out of order on purpose: the provider sorts each symbol's bars.
const data = new InMemoryMarketData([bar("A", 2, 3, 3, 3, 3), bar("A", 0, 1, 1, 1, 1), bar("B", 1, 9, 9, 9, 9), bar("A", 1, 2, 2, 2, 2)]);

describe("InMemoryMarketData", () => {
  test("history gives from <= openTime < to, oldest first, synchronously and asynchronously alike", async () => {
    const history = data.history("A", "1d", T0 + DAY, T0 + 3 * DAY);
    expect([...history].map((b) => b.close)).toEqual([2, 3]);
    const asyncBars = [];
    for await (const b of data.history("A", "1d", T0, T0 + 2 * DAY)) asyncBars.push(b.close);
    expect(asyncBars).toEqual([1, 2]);
    expect([...data.history("C", "1d", 0, Number.MAX_SAFE_INTEGER)]).toEqual([]);
  });

  test("asking for another interval than the bars have is an error naming both", () => {
    try {
      data.history("A", "1h", 0, Number.MAX_SAFE_INTEGER);
      throw new Error("no error");
    } catch (error) {
      expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
      expect((error as Error).message).toContain("A at interval 1d, not 1h");
    }
  });

  test("stream merges the symbols by open time", async () => {
    const items: string[] = [];
    for await (const item of data.stream(["A", "B"], "1d") as AsyncIterable<StreamItem>) if (item.type === "bar") items.push(`${item.bar.symbol}${item.bar.close}`);
    expect(items).toEqual(["A1", "A2", "B9", "A3"]);
  });

  test("an aborted signal ends the history", () => {
    const controller = new AbortController();
    controller.abort();
    expect([...data.history("A", "1d", 0, Number.MAX_SAFE_INTEGER, { signal: controller.signal })]).toEqual([]);
  });
});

import { describe, expect, test } from "bun:test";
import type { Bar, MarketDataProvider, StreamItem } from "@argo/core";
import { silentLogger } from "../strategy/logger.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const T = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const mk = (symbol: string, i: number, price: number): Bar => ({
  symbol, interval: "1m", openTime: T + i * MINUTE, open: price, high: price + 1, low: price - 1, close: price, volume: 10,
});

/** A feed handing the bars over in the order given, as a live one may (a symbol's bar delayed behind another's). */
function inOrder(bars: readonly Bar[]): MarketDataProvider {
  return {
    name: "in-order",
    async *stream(): AsyncIterable<StreamItem> {
      for (const bar of bars) yield { type: "bar", bar };
    },
    async *history() {},
  } as unknown as MarketDataProvider;
}

describe("ctx.time never goes backwards within a session", () => {
  test("a late bar of A (closing before B's bar already processed) is processed, and ctx.time stays at B's later close", async () => {
    // A's second bar (open T+1m, closes T+2m) comes after B's third (closes T+3m).
    const bars = [mk("A", 0, 100), mk("B", 0, 20), mk("B", 1, 21), mk("B", 2, 22), mk("A", 1, 101)];
    const seen: Array<[string, number, number]> = [];
    const strategy = testStrategy({
      onBar(bar, ctx) {
        seen.push([bar.symbol, bar.openTime, ctx.time]);
      },
    });
    const engine = new LiveEngine({ symbols: ["A", "B"], interval: "1m", marketData: inOrder(bars), trading: new FakeVenue(), strategy, logger: silentLogger });
    const result = await engine.run();
    // Every bar reaches the strategy; the clock is each bar's close (open + 1m) until the late one, which leaves it at
    // the newest close seen, B's third bar's T+3m (not A's own T+2m).
    expect(seen).toEqual([
      ["A", T, T + MINUTE],
      ["B", T, T + MINUTE],
      ["B", T + MINUTE, T + 2 * MINUTE],
      ["B", T + 2 * MINUTE, T + 3 * MINUTE],
      ["A", T + MINUTE, T + 3 * MINUTE],
    ]);
    expect(result.counters.bars).toBe(5);
  });
});

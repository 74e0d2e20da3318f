import { describe, expect, test } from "bun:test";
import type { Bar, MarketDataProvider, StreamItem } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A feed that streams every bar it holds, whatever symbols it is asked for (a third-party provider's mistake). */
function careless(bars: Bar[]): MarketDataProvider {
  return {
    name: "careless-feed",
    async connect() {},
    async disconnect() {},
    async *history() {},
    async *stream(): AsyncIterable<StreamItem> {
      for (const bar of bars) yield { type: "bar", bar };
    },
  } as unknown as MarketDataProvider;
}

describe("bars of a symbol the session did not ask for", () => {
  test("never reach the strategy or the cache; the feed's mistake is reported once", async () => {
    const x = barsFromCloses("X", [100, 101, 102, 103]);
    const y = barsFromCloses("Y", [50, 51, 52, 53]);
    const mixed = x.flatMap((bar, i) => [bar, y[i]!]);
    const seen: string[] = [];
    const run = await runEngine({
      bars: x,
      symbols: ["X"],
      strategy: testStrategy({ onBar: (bar, ctx) => void seen.push(`${bar.symbol} ${ctx.history("Y").length}`) }),
      engine: { marketData: careless(mixed) },
    });
    expect(run.error).toBeUndefined();
    // Only X's bars, and the cache holds no Y; the venue was fed X's bars only.
    expect(seen).toEqual(["X 0", "X 0", "X 0", "X 0"]);
    expect(run.venue.barsSeen.map((bar) => bar.symbol)).toEqual(["X", "X", "X", "X"]);
    const errors = run.named("onError").map(([error]) => (error as Error).message);
    expect(errors).toEqual(['careless-feed streamed bars for "Y", which this session does not trade (X); they are ignored']);
  });
});

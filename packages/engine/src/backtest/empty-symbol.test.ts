// A configured symbol with no bar in the range refuses the run (INVALID_DATA naming it and the range) before the strategy
// runs anything: the other symbols' bars must not be replayed as if the symbol were there.
import { describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import { bar, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

// A: days 0..9. B: days 0..2 only. C: no bars at all.
const A = Array.from({ length: 10 }, (_, d) => bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d));
const B = [0, 1, 2].map((d) => bar("B", d, 50, 53, 48, 51));

/** Runs over A and B with `options`; returns the refusal and what the strategy was called with. */
async function refusal(options: Partial<BacktestOptions>): Promise<{ error: ArgoError; calls: string[] }> {
  const calls: string[] = [];
  const s = strategy({ init: () => void calls.push("init"), onBar: (b) => void calls.push(`${b.symbol}@${b.openTime}`) });
  let caught: unknown;
  try {
    await runBacktest({
      symbols: ["A", "B"], interval: "1d", marketData: new InMemoryMarketData([...A, ...B]), trading: createPaperVenue(NO_COSTS),
      strategy: s, logger: silentLogger, ...options,
    });
  } catch (error) {
    caught = error;
  }
  if (!isArgoError(caught, "INVALID_DATA")) throw new Error(`expected INVALID_DATA, got ${String(caught)}`);
  return { error: caught, calls };
}

describe("a symbol without a bar refuses the run", () => {
  test("a symbol with no data at all: named, with the whole history, before init", async () => {
    const { error, calls } = await refusal({ symbols: ["A", "C"] });
    expect(error.message).toBe("no bars for C at 1d in the whole history (every symbol of a backtest needs at least one bar)");
    expect(error.details).toEqual({ symbols: ["C"], interval: "1d", from: undefined, to: undefined });
    expect(calls).toEqual([]);
  });

  test("a symbol whose data ends before `from`: named with the range in ISO times", async () => {
    // B's last bar opens on day 2; from day 5 only A has bars.
    const { error, calls } = await refusal({ from: T0 + 5 * DAY });
    expect(error.message).toBe("no bars for B at 1d in the range [2024-01-06T00:00:00.000Z, end) (every symbol of a backtest needs at least one bar)");
    expect(calls).toEqual([]);
  });

  test("every such symbol is named, in the symbols' order, and the range's both ends", async () => {
    const { error } = await refusal({ symbols: ["C", "A", "B", "D"], from: T0 + 4 * DAY, to: T0 + 6 * DAY });
    expect(error.message).toBe(
      "no bars for C, B, D at 1d in the range [2024-01-05T00:00:00.000Z, 2024-01-07T00:00:00.000Z) (every symbol of a backtest needs at least one bar)",
    );
    expect(error.details?.symbols).toEqual(["C", "B", "D"]);
  });

  test("no symbol with a bar: the same refusal, naming them all", async () => {
    const { error, calls } = await refusal({ from: T0 + 20 * DAY });
    expect(error.message).toBe("no bars for A, B at 1d in the range [2024-01-21T00:00:00.000Z, end)");
    expect(calls).toEqual([]);
  });

  test("a symbol with a single bar in the range is enough", async () => {
    // From day 2: B's day-2 bar and A's days 2..9.
    const r = await runBacktest({
      symbols: ["A", "B"], interval: "1d", marketData: new InMemoryMarketData([...A, ...B]), trading: createPaperVenue(NO_COSTS),
      strategy: strategy({}), logger: silentLogger, from: T0 + 2 * DAY,
    });
    expect(r.bars).toBe(8 + 1);
  });
});

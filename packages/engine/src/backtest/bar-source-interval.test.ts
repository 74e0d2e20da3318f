// A history bar labelled with another interval than the run's would move the engine's and the venue's clocks by its own
// length (they take a bar's close time from its label), and a malformed label threw INVALID_CONFIGURATION naming no bar.
// A backtest must not skip data: such a bar ends the run with INVALID_DATA naming the symbol, the bar and the intervals.
import { describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, isArgoError, type MarketDataProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { BacktestEngine } from "./backtest-engine.ts";
import { NO_COSTS, strategy } from "./backtest.test-helper.ts";
import { BarSource } from "./bar-source.ts";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 2);

/** Six hourly bars of X from T0, the third (02:00) labelled `label`. */
function hourly(label: string): Bar[] {
  const bars = barsFromCloses("X", [101, 102, 103, 104, 105, 106], T0, "1h", H);
  bars[2] = { ...bars[2]!, interval: label };
  return bars;
}

async function* asyncBars(list: readonly Bar[]): AsyncGenerator<Bar> {
  for (const bar of list) yield bar;
}

/** Reads a source to its end; the open times it gave, or the error it threw. */
async function drain(source: BarSource): Promise<{ times: number[]; error?: ArgoError }> {
  const times: number[] = [];
  try {
    for (;;) {
      const pending = source.advance();
      if (pending !== undefined) source.receive(await pending);
      if (source.head === undefined) return { times };
      times.push(source.head.openTime);
    }
  } catch (error) {
    if (!isArgoError(error)) throw error;
    return { times, error };
  }
}

const wide = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

describe("BarSource refuses a bar of another interval", () => {
  test("another interval than the one asked for ends the history at that bar, naming it and both intervals", async () => {
    const { times, error } = await drain(new BarSource("X", 0, asyncBars(hourly("1d")), { ...wide, interval: "1h" }));
    expect(times).toEqual([T0, T0 + H]);
    expect([error?.code, error?.message]).toEqual([
      "INVALID_DATA",
      'history of X has an invalid bar at 2024-01-02T02:00:00.000Z: interval "1d" is not the backtest\'s interval "1h"',
    ]);
    expect(error?.details).toMatchObject({ symbol: "X", openTime: T0 + 2 * H, interval: "1d" });
  });

  test("a malformed label is INVALID_DATA naming the bar and the label as given", async () => {
    const { error } = await drain(new BarSource("X", 0, asyncBars(hourly("1H")), { ...wide, interval: "1h" }));
    expect([error?.code, error?.message]).toEqual([
      "INVALID_DATA",
      'history of X has an invalid bar at 2024-01-02T02:00:00.000Z: interval "1H" is no bar interval (expected a number from 1 without leading zeros and a unit s, m, h, d, w or M); the backtest\'s interval is "1h"',
    ]);
  });

  test("without the interval asked for, a history whose label changes midway is refused against its first bar", async () => {
    const { times, error } = await drain(new BarSource("X", 0, asyncBars(hourly("1d")), wide));
    expect(times).toEqual([T0, T0 + H]);
    expect(error?.message).toBe('history of X has an invalid bar at 2024-01-02T02:00:00.000Z: interval "1d" is not the interval of the history\'s first bar "1h"');
  });

  test('another spelling of the same size ("60m" for "1h") passes', async () => {
    const { times, error } = await drain(new BarSource("X", 0, asyncBars(hourly("60m")), { ...wide, interval: "1h" }));
    expect(error).toBeUndefined();
    expect(times).toEqual([0, 1, 2, 3, 4, 5].map((i) => T0 + i * H));
  });
});

describe("a backtest over such a history", () => {
  /** Backtests a 1h run over `bars` from a provider that yields them as given; the error it ends with. */
  async function failure(bars: Bar[]): Promise<ArgoError | undefined> {
    const marketData: MarketDataProvider = { name: "feed", stream: () => (async function* () {})(), history: () => asyncBars(bars) };
    try {
      await new BacktestEngine({
        symbols: ["X"], interval: "1h", marketData, trading: createPaperVenue(NO_COSTS), strategy: strategy({ onBar() {} }), logger: silentLogger,
      }).run();
    } catch (error) {
      if (isArgoError(error)) return error;
      throw error;
    }
    return undefined;
  }

  test('a "1d" bar mid-history ends the run with INVALID_DATA rather than a clock a day ahead', async () => {
    const error = await failure(hourly("1d"));
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.message).toContain('history of X has an invalid bar at 2024-01-02T02:00:00.000Z: interval "1d" is not');
  });

  test("a history labelled with another interval throughout is refused at its first bar against the run's interval", async () => {
    const daily = barsFromCloses("X", [101, 102, 103], T0, "1d", H);
    const error = await failure(daily);
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.message).toContain('history of X has an invalid bar at 2024-01-02T00:00:00.000Z: interval "1d" is not the backtest\'s interval "1h"');
  });

  test('a malformed label ("1H") is INVALID_DATA naming the bar, not INVALID_CONFIGURATION', async () => {
    const error = await failure(hourly("1H"));
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.message).toContain('history of X has an invalid bar at 2024-01-02T02:00:00.000Z: interval "1H" is no bar interval');
  });
});

import { describe, expect, test } from "bun:test";
import { type Bar, isArgoError } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { BarSource } from "./bar-source.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

const bars = barsFromCloses("X", [10, 11, 12, 13, 14]);

/** Reads a source to the end the way the replay does: advance, and hand an awaited result back. */
async function drain(source: BarSource): Promise<number[]> {
  const closes: number[] = [];
  for (;;) {
    const pending = source.advance();
    if (pending !== undefined) source.receive(await pending);
    if (source.head === undefined) return closes;
    closes.push(source.head.close);
  }
}

async function* asyncBars(list: readonly Bar[]): AsyncGenerator<Bar> {
  for (const bar of list) yield bar;
}

describe("BarSource", () => {
  const memory = new InMemoryMarketData(bars);

  test("an in-memory history is read by index, knows its size, and never waits", async () => {
    const source = new BarSource("X", 0, memory.history("X", "1m", bars[1]!.openTime, bars[4]!.openTime));
    expect(source.size).toBe(3);
    expect(source.synchronous).toBe(true);
    expect(source.advance()).toBeUndefined();
    expect(source.head?.close).toBe(11);
    expect(await drain(source)).toEqual([12, 13]);
  });

  test("sync-iterable and async histories give the same bars; their size is unknown", async () => {
    const syncOnly = { [Symbol.iterator]: () => bars[Symbol.iterator](), [Symbol.asyncIterator]: () => asyncBars(bars) } as unknown as AsyncIterable<Bar>;
    const fromSync = new BarSource("X", 0, syncOnly);
    const fromAsync = new BarSource("X", 0, asyncBars(bars));
    expect(fromSync.size).toBeUndefined();
    expect(fromAsync.size).toBeUndefined();
    expect(fromSync.synchronous).toBe(true);
    expect(fromAsync.synchronous).toBe(false);
    expect(await drain(fromSync)).toEqual([10, 11, 12, 13, 14]);
    expect(await drain(fromAsync)).toEqual([10, 11, 12, 13, 14]);
  });

  test("an async history's already-settled answers are taken at once; a pending or rejected one is handed back to await", async () => {
    // Reads ahead like the replay provider: settled answers for bars in hand, a pending one at each "chunk" (every 2 bars).
    let i = 0;
    const failure = new Error("disk gone");
    const readAhead = {
      [Symbol.asyncIterator]: () => ({
        next(): Promise<IteratorResult<Bar>> {
          const k = i++;
          if (k === 3) return Promise.reject(failure);
          const result: IteratorResult<Bar> = k < bars.length ? { done: false, value: bars[k]! } : { done: true, value: undefined };
          return k % 2 === 0 ? Promise.resolve(result) : new Promise((resolve) => setTimeout(() => resolve(result), 1));
        },
      }),
    } as AsyncIterable<Bar>;
    const source = new BarSource("X", 0, readAhead);
    expect(source.advance()).toBeUndefined();
    expect(source.head?.close).toBe(10);
    const pending = source.advance();
    expect(pending).toBeInstanceOf(Promise);
    expect(source.head?.close).toBe(10); // not moved until the answer is handed back
    source.receive((await pending)!);
    expect(source.head?.close).toBe(11);
    expect(source.advance()).toBeUndefined();
    expect(source.head?.close).toBe(12);
    const rejected = source.advance();
    expect(rejected).toBeInstanceOf(Promise);
    expect(await rejected!.then(() => undefined, (error: unknown) => error)).toBe(failure);
  });

  test("an async history out of time order is INVALID_DATA, never skipped", async () => {
    const swapped = [bars[0]!, bars[2]!, bars[1]!];
    const failure = await drain(new BarSource("X", 0, asyncBars(swapped))).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isArgoError(failure, "INVALID_DATA")).toBe(true);
    // bars are a minute apart from 2024-01-01T00:00Z: bar 1 (00:01) comes after bar 2 (00:02).
    expect((failure as Error).message).toBe(
      "history of X is not in time order: bar at 2024-01-01T00:01:00.000Z follows 2024-01-01T00:02:00.000Z; a backtest needs each symbol's bars oldest first, without duplicates",
    );
  });

  test("an invalid candle is INVALID_DATA naming its open time in ISO, not epoch ms", async () => {
    const zero = { ...bars[1]!, open: 0, high: 0, low: 0, close: 0 };
    const failure = await drain(new BarSource("X", 0, asyncBars([bars[0]!, zero]))).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isArgoError(failure, "INVALID_DATA")).toBe(true);
    expect((failure as Error).message).toStartWith("history of X has an invalid bar at 2024-01-01T00:01:00.000Z: open 0, high 0, low 0, close 0, volume 1000 (");
  });

  test("an aborted signal ends an in-memory history at once", async () => {
    const controller = new AbortController();
    const source = new BarSource("X", 0, memory.history("X", "1m", 0, Number.MAX_SAFE_INTEGER, { signal: controller.signal }));
    source.advance();
    expect(source.head?.close).toBe(10);
    controller.abort();
    source.advance();
    expect(source.head).toBeUndefined();
  });
});

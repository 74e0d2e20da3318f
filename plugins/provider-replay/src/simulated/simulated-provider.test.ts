import { describe, expect, test } from "bun:test";
import { type Bar, type StreamItem } from "@argo/core";
import { createSimulatedProvider, type SimulatedConfigInput } from "../index.ts";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const barsOf = (items: StreamItem[]) => items.flatMap((item) => (item.type === "bar" ? [item.bar] : []));
const stream = async (config: SimulatedConfigInput, symbols = ["SIM"]) => barsOf(await collect(createSimulatedProvider(config).stream(symbols, "1m")));
const meanAbsReturn = (bars: Bar[]) => bars.reduce((sum, bar) => sum + Math.abs(Math.log(bar.close / bar.open)), 0) / bars.length;

/** Largest fall of any close below the highest close before it (the path starts at the initial price). */
function maxDrawdown(bars: Bar[], initial: number): number {
  let peak = initial;
  let worst = 0;
  for (const bar of bars) {
    peak = Math.max(peak, bar.close);
    worst = Math.max(worst, 1 - bar.close / peak);
  }
  return worst;
}

describe("simulated: determinism", () => {
  test("the same seed gives identical bars; another seed different ones", async () => {
    const a = await stream({ seed: 7, bars: 200 });
    const b = await stream({ seed: 7, bars: 200 });
    const c = await stream({ seed: 8, bars: 200 });
    expect(a).toEqual(b);
    expect(c.length).toBe(200);
    expect(c.map((bar) => bar.close)).not.toEqual(a.map((bar) => bar.close));
  });

  test("each symbol gets its own path, the same whether streamed alone or with others", async () => {
    const both = await stream({ seed: 3, bars: 50 }, ["AAA", "BBB"]);
    const aaa = both.filter((bar) => bar.symbol === "AAA");
    const bbb = both.filter((bar) => bar.symbol === "BBB");
    expect(aaa).toEqual(await stream({ seed: 3, bars: 50 }, ["AAA"]));
    expect(aaa.map((bar) => bar.close)).not.toEqual(bbb.map((bar) => bar.close));
  });

  test("bars of several symbols come one time step at a time, symbols in the order given", async () => {
    const bars = await stream({ bars: 3, startTime: "2024-03-01T00:00:00Z" }, ["B", "A"]);
    const start = Date.UTC(2024, 2, 1);
    expect(bars.map((bar) => `${bar.symbol}@${(bar.openTime - start) / 60_000}`)).toEqual(["B@0", "A@0", "B@1", "A@1", "B@2", "A@2"]);
  });

  test("history gives the bars the stream gives, limited to from <= openTime < to", async () => {
    const config = { seed: 11, bars: 100, startTime: 0 };
    const streamed = await stream(config);
    const provider = createSimulatedProvider(config);
    expect(await collect(provider.history("SIM", "1m", 0, Number.POSITIVE_INFINITY))).toEqual(streamed);
    expect(await collect(provider.history("SIM", "1m", 10 * 60_000, 20 * 60_000))).toEqual(streamed.slice(10, 20));
  });
});

describe("simulated: bars and patterns", () => {
  test("every bar is valid: low <= open, close <= high, volume > 0, spaced by the interval", async () => {
    for (const pattern of ["increasing", "decreasing", "volatile", "random_walk"] as const) {
      const bars = await stream({ pattern, bars: 500, volatility: 0.05, maxDrawdown: 0.2, seed: 5 });
      expect(bars[0]!.open).toBe(100);
      for (const [i, bar] of bars.entries()) {
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
        expect(bar.low).toBeGreaterThan(0);
        expect(bar.volume).toBeGreaterThan(0);
        if (i > 0) {
          expect(bar.openTime - bars[i - 1]!.openTime).toBe(60_000);
          expect(bar.open).toBe(bars[i - 1]!.close);
        }
      }
    }
  });

  test("increasing ends higher than it starts and decreasing lower, for several seeds", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const up = await stream({ pattern: "increasing", bars: 300, seed, initialPrice: 50 });
      const down = await stream({ pattern: "decreasing", bars: 300, seed, initialPrice: 50 });
      expect(up.at(-1)!.close).toBeGreaterThan(50);
      expect(down.at(-1)!.close).toBeLessThan(50);
    }
  });

  test("volatile moves more per bar than random_walk with the same volatility", async () => {
    const volatile = await stream({ pattern: "volatile", bars: 1000, volatility: 0.01 });
    const walk = await stream({ pattern: "random_walk", bars: 1000, volatility: 0.01 });
    expect(meanAbsReturn(volatile)).toBeGreaterThan(1.5 * meanAbsReturn(walk));
  });

  test("maxDrawdown bounds every close and low below the running peak close", async () => {
    const config = { pattern: "volatile", bars: 5000, volatility: 0.03, seed: 9 } as const;
    // Without the limit this path falls much further, so the bound below is doing the work.
    expect(maxDrawdown(await stream(config), 100)).toBeGreaterThan(0.3);
    const bars = await stream({ ...config, maxDrawdown: 0.1 });
    expect(maxDrawdown(bars, 100)).toBeLessThanOrEqual(0.1 + 1e-12);
    let peak = 100;
    for (const bar of bars) {
      expect(bar.low).toBeGreaterThanOrEqual(0.9 * peak * (1 - 1e-12));
      peak = Math.max(peak, bar.close);
    }
  });
});

describe("simulated: errors and ending", () => {
  test("errorAfterBars injects one STREAM_DISCONNECTED item after exactly N bars, then the stream goes on", async () => {
    const items = await collect(createSimulatedProvider({ bars: 10, errorAfterBars: 7 }).stream(["A", "B"], "1m"));
    const errorAt = items.findIndex((item) => item.type === "error");
    expect(errorAt).toBe(7);
    expect(items.filter((item) => item.type === "error").length).toBe(1);
    expect(barsOf(items).length).toBe(20);
    const error = items[7]!.type === "error" ? items[7]!.error : undefined;
    expect(error?.code).toBe("STREAM_DISCONNECTED");
  });

  test("an aborted signal ends the stream", async () => {
    const controller = new AbortController();
    let count = 0;
    for await (const item of createSimulatedProvider({ bars: 1_000_000 }).stream(["A"], "1m", { signal: controller.signal })) {
      if (item.type === "bar" && ++count === 25) controller.abort();
    }
    expect(count).toBe(25);
  });

  test("an abort during the bar delay ends the stream without waiting the delay out", async () => {
    const controller = new AbortController();
    const provider = createSimulatedProvider({ bars: 10, barDelayMs: 600_000 });
    const iterator = provider.stream(["A"], "1m", { signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    const next = iterator.next();
    setTimeout(() => controller.abort(), 10);
    // Without the abort this would wait ten minutes and the test would time out.
    expect((await next).done).toBe(true);
  });

  test("after: steps up to it are skipped without the bar delay; the rest are the bars a full stream gives", async () => {
    const config = { bars: 8, seed: 4, startTime: 0, errorAfterBars: 2 };
    const full = barsOf(await collect(createSimulatedProvider(config).stream(["A", "B"], "1m")));
    // 10-minute bars of delay: waiting through the five skipped steps would time the test out.
    const provider = createSimulatedProvider({ ...config, barDelayMs: 600_000 });
    const iterator = provider.stream(["A", "B"], "1m", { after: 4 * 60_000 })[Symbol.asyncIterator]();
    const items: StreamItem[] = [];
    // The first step sent is not delayed; the next one would be (10 minutes), so only the first three items are read.
    for (let i = 0; i < 3; i++) items.push((await iterator.next()).value as StreamItem);
    await iterator.return?.(undefined);
    // Only bars sent count towards errorAfterBars: the error follows the second bar sent, not the second generated.
    expect(items.map((item) => (item.type === "bar" ? `${item.bar.symbol}@${item.bar.openTime / 60_000}` : item.type))).toEqual(["A@5", "B@5", "error"]);
    // The full stream has the error item after its second bar; its bars of step 5 are the 11th and 12th.
    expect(barsOf(items)).toEqual(full.slice(10, 12));
  });

  test("monthly bars open on the first of each calendar month, not every 30 days", async () => {
    // From 2024-01-01, 30-day steps would give Jan 31, Mar 1, Mar 31; a monthly bar closes (and the next opens) a month on.
    const provider = createSimulatedProvider({ bars: 4, interval: "1M", startTime: "2024-01-01" });
    const months = [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 1)];
    expect(barsOf(await collect(provider.stream(["A"], ""))).map((bar) => bar.openTime)).toEqual(months);
    expect((await collect(provider.history("A", "1M", 0, Number.POSITIVE_INFINITY))).map((bar) => bar.openTime)).toEqual(months);
  });

  test("an empty interval uses the configured one", async () => {
    const bars = barsOf(await collect(createSimulatedProvider({ bars: 2, interval: "1h" }).stream(["A"], "")));
    expect(bars.map((bar) => bar.interval)).toEqual(["1h", "1h"]);
    expect(bars[1]!.openTime - bars[0]!.openTime).toBe(3_600_000);
  });
});

describe("simulated: synchronous history", () => {
  const config = { seed: 4, bars: 60, startTime: 0 };
  const history = (from = 0, to = Number.POSITIVE_INFINITY, options = {}) =>
    createSimulatedProvider(config).history("SIM", "1m", from, to, options) as AsyncIterable<Bar> & Iterable<Bar>;

  test("iterates synchronously to the same bars as asynchronously, range included", async () => {
    expect([...history()]).toEqual(await collect(history()));
    expect([...history()]).toHaveLength(60);
    const part = [...history(5 * 60_000, 9 * 60_000)];
    expect(part.map((bar) => bar.openTime / 60_000)).toEqual([5, 6, 7, 8]);
    expect(part).toEqual(await collect(history(5 * 60_000, 9 * 60_000)));
  });

  test("every iteration starts the path afresh", () => {
    const bars = history();
    expect([...bars]).toEqual([...bars]);
  });

  test("stops when the signal aborts, and after return()", () => {
    const controller = new AbortController();
    const seen: Bar[] = [];
    for (const bar of history(0, Number.POSITIVE_INFINITY, { signal: controller.signal })) {
      seen.push(bar);
      if (seen.length === 3) controller.abort();
    }
    expect(seen).toHaveLength(3);
    const iterator = history()[Symbol.iterator]();
    expect(iterator.next().done).toBe(false);
    iterator.return?.();
    expect(iterator.next().done).toBe(true);
  });
});

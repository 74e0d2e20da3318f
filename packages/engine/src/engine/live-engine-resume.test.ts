import "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { silentLogger } from "../strategy/logger.ts";
import { LiveEngine } from "./live-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-resume-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const idle = testStrategy({});

describe("a resumed session tells the feed what it already holds", () => {
  test("after is the oldest of the symbols' last journal bars, and left out when a symbol has none", async () => {
    const sessionDir = join(root, "two-symbols");
    const btc = barsFromCloses("BTC", randomCloses(20, 1, 40_000));
    const eth = barsFromCloses("ETH", randomCloses(15, 2, 2_000));
    await runEngine({ bars: [...btc, ...eth], engine: { sessionDir }, strategy: idle });

    // ETH stopped 5 minutes before BTC: a feed skipping up to BTC's last bar would lose ETH's next five.
    const resumed = await runEngine({ bars: [...btc, ...eth], engine: { sessionDir }, strategy: idle });
    expect(resumed.data.streamOptions?.after).toBe(eth[14]!.openTime);
    // Each symbol's own, for a feed that can skip per symbol.
    expect(resumed.data.streamOptions?.afterBySymbol).toEqual({ BTC: btc[19]!.openTime, ETH: eth[14]!.openTime });
    expect(resumed.result?.counters).toMatchObject({ bars: 0, staleBars: 35 });

    // A symbol the journal has no bars of needs the feed from its start.
    const sol = barsFromCloses("SOL", randomCloses(5, 3, 100));
    const widened = await runEngine({ bars: [...btc, ...sol], symbols: ["BTC", "SOL"], engine: { sessionDir }, strategy: idle });
    expect(widened.data.streamOptions?.after).toBeUndefined();
    expect(widened.data.streamOptions?.afterBySymbol).toEqual({ BTC: btc[19]!.openTime });
    expect(widened.result?.counters).toMatchObject({ bars: 5, staleBars: 20 });
  });

  test("restarting a paced simulated session goes on at the next bar instead of waiting through the old ones", async () => {
    const sessionDir = join(root, "simulated");
    const seen: number[][] = [[], []];
    const run = async (bars: number, barDelayMs: number, into: number[], journal = true) => {
      const engine = new LiveEngine({
        symbols: ["AAA", "BBB"], interval: "1m", ...(journal ? { sessionDir } : {}), logger: silentLogger, trading: new FakeVenue(),
        marketData: { provider: "simulated", config: { seed: 5, bars, barDelayMs } },
        strategy: testStrategy({ onBar: (bar) => void into.push(bar.close) }),
      });
      return engine.run();
    };
    const full: number[] = [];
    await run(31, 0, full, false);
    await run(30, 0, seen[0]!);
    // One new step remains and it is the first one sent, so it is not delayed. Pacing through the 30 held steps
    // would keep this run waiting 30 minutes (the test would time out).
    const resumed = await run(31, 60_000, seen[1]!);
    expect(resumed.counters).toMatchObject({ bars: 2, staleBars: 0 });
    // The bars after the skipped steps are the ones an uninterrupted run gives.
    expect(seen[1]).toEqual(full.slice(60));
    expect(seen[0]).toEqual(full.slice(0, 60));
  });

  test("a paced replay whose symbols stopped at different times goes on at once: each skips to its own last bar", async () => {
    const sessionDir = join(root, "staggered");
    const minutes = (n: number) => Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()},100,101,99,100,1`).join("\n");
    const write = (name: string, n: number) => writeFileSync(join(sessionDir, name), `time,open,high,low,close,volume\n${minutes(n)}\n`);
    mkdirSync(sessionDir, { recursive: true });
    write("B.csv", 10); // B stopped trading after 10 minutes
    const run = async (aRows: number, speed: number) => {
      write("A.csv", aRows);
      const files = [{ path: "A.csv", symbol: "A", interval: "1m" }, { path: "B.csv", symbol: "B", interval: "1m" }];
      const engine = new LiveEngine({
        symbols: ["A", "B"], interval: "1m", sessionDir, logger: silentLogger, trading: new FakeVenue(), strategy: idle,
        marketData: { provider: "replay", config: { baseDir: sessionDir, speed, files } },
      });
      return engine.run();
    };
    await run(60, 0);
    // One new minute of A. At speed 1, pacing through A's 50 held bars after B's last would take 50 minutes (the test
    // would time out): before, the feed skipped every symbol only up to the oldest last bar, B's.
    const resumed = await run(61, 1);
    expect(resumed.counters).toMatchObject({ bars: 1, staleBars: 0 });
  });

  test("bars a feed spells differently from the session's interval (\"1d\" for \"24h\") are found on resume: none replayed", async () => {
    const sessionDir = join(root, "spelling");
    mkdirSync(sessionDir, { recursive: true });
    const days = (n: number) => Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},100,101,99,100,1`).join("\n");
    const seen: number[] = [];
    const run = async (rows: number) => {
      writeFileSync(join(sessionDir, "D.csv"), `time,open,high,low,close,volume\n${days(rows)}\n`);
      const engine = new LiveEngine({
        symbols: ["D"], interval: "24h", sessionDir, logger: silentLogger, trading: new FakeVenue(),
        strategy: testStrategy({ onBar: (bar) => void seen.push(bar.openTime) }),
        marketData: { provider: "replay", config: { baseDir: sessionDir, files: [{ path: "D.csv", symbol: "D", interval: "1d" }] } },
      });
      return engine.run();
    };
    await run(5);
    const resumed = await run(7);
    // Before, the journal's bars (stored as "1d") were looked up as "24h": none found, all five replayed to the strategy.
    expect(resumed.counters).toMatchObject({ bars: 2, staleBars: 0 });
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => Date.UTC(2024, 0, 1 + i)));
  });
});

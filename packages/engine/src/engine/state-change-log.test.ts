import { describe, expect, test } from "bun:test";
import type { EngineCallbacks } from "./callbacks.ts";
import { LiveEngine } from "./live-engine.ts";
import type { Logger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";

// Buys 50 at 100 with 10,000, then the price falls to 80: drawdown 10% of the 10,000 peak at close 80 → REDUCING once.
const bars = barsFromCloses("X", [100, 100, 90, 80, 80]);
const buyOnce = testStrategy({ onBar: (bar, ctx) => void (bar === bars[0] && ctx.placeOrder({ side: "BUY", quantity: 50 })) });

/** Runs the drawdown session; returns the warnings the session's logger got and the changes a callback got. */
async function warningsOf(callbacks?: EngineCallbacks): Promise<string[]> {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (message) => void warnings.push(message), error() {} };
  const engine = new LiveEngine({
    symbols: ["X"], interval: "1m", marketData: new FakeMarketData(bars), trading: new FakeVenue(), strategy: buyOnce, logger,
    risk: { maxDrawdown: 0.1 },
  });
  await engine.run(undefined, callbacks);
  return warnings.filter((w) => w.startsWith("trading state"));
}

describe("a trading state change is told once", () => {
  test("with no listener the session's log says it", async () => {
    expect(await warningsOf()).toEqual([expect.stringMatching(/^trading state ACTIVE → REDUCING: drawdown/)]);
  });

  test("a caller listening (the runner logs it with its own fields) hears it, and the session's log stays quiet", async () => {
    const heard: string[] = [];
    expect(await warningsOf({ onTradingStateChange: (c) => void heard.push(`${c.from} → ${c.to}`) })).toEqual([]);
    expect(heard).toEqual(["ACTIVE → REDUCING"]);
  });
});

import { afterEach, describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { consoleLogger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

/** A venue whose gateway echoes the request headers, API key included, in every error. */
class EchoingVenue extends FakeVenue {
  override async placeOrder(_request: OrderRequest): Promise<Order> {
    throw new ArgoError("CONNECTION_LOST", `502 Bad Gateway: upstream refused request (X-MBX-APIKEY: ${KEY})`);
  }
}

const realError = console.error;
const realLog = console.log;
afterEach(() => {
  console.error = realError;
  console.log = realLog;
});

/** Every console line written while `run` runs. */
async function consoleLines(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  console.error = (...parts: unknown[]) => void lines.push(parts.join(" "));
  console.log = (...parts: unknown[]) => void lines.push(parts.join(" "));
  try {
    await run();
  } finally {
    console.error = realError;
    console.log = realLog;
  }
  return lines;
}

describe("the engine's default logger", () => {
  test("a halt whose reason carries a secret logs it redacted", async () => {
    // No onTradingStateChange listener: the engine's own log tells the halt (state-change-log.test.ts).
    const engine = new LiveEngine({
      symbols: ["BTC"], interval: "1m", marketData: new FakeMarketData(barsFromCloses("BTC", [100, 100, 100, 100])), trading: new EchoingVenue(),
      secrets: [KEY], risk: { circuitBreakerErrors: 2 },
      strategy: testStrategy({ async onBar(_bar, ctx) { await ctx.placeOrder({ side: "BUY", quantity: 1 }); } }),
    });
    const lines = await consoleLines(() => engine.run());
    const halt = lines.filter((line) => line.includes("HALTED"));
    expect(halt).toHaveLength(1);
    expect(halt[0]).toContain("X-MBX-APIKEY: [REDACTED]");
    expect(lines.filter((line) => line.includes(KEY))).toEqual([]);
  });

  test("consoleLogger removes secrets from messages and fields, as is and as JSON spells them", async () => {
    const quoted = 'se"cret-42';
    const lines = await consoleLines(async () => {
      const log = consoleLogger({ strategy: "s" }, "info", [KEY, quoted]);
      log.info("plain", { venue: "binance", n: 3 });
      log.error(`key ${KEY}`, { detail: { reply: `echo ${quoted} and ${KEY}` }, n: 1 });
      consoleLogger({}, "info").info(`no secrets given: ${KEY}`);
    });
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map(({ time: _time, ...rest }) => rest)).toEqual([
      { level: "info", strategy: "s", msg: "plain", venue: "binance", n: 3 },
      { level: "error", strategy: "s", msg: "key [REDACTED]", detail: { reply: "echo [REDACTED] and [REDACTED]" }, n: 1 },
      { level: "info", msg: `no secrets given: ${KEY}` },
    ]);
  });
});

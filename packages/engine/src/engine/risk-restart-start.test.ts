// A session resumed on its journal judges the equity limits at its start, before init: a session that halted (figures
// still past the halt limit) sends nothing before it halts again, and a REDUCING the same figures would have kept without
// the restart (a daily loss the same UTC day; a drawdown for good, until its limit is raised) is in force from the start.
import { afterAll, afterEach, describe, expect, setSystemTime, test } from "bun:test";
import type { OrderRequest } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-restart-start-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The engine clock starts on the wall clock: set into the bars' UTC day, a restart is "the same day" as their marks. Each
// session gets a wall clock of its own: the client order ids are made from it.
afterEach(() => setSystemTime());

const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 1);
// A third of a unit: the 100 cash left after the first session's buy pays for two of them at 104.
const BUY: OrderRequest = { symbol: "X", side: "BUY", type: "MARKET", quantity: 0.3 };
const SELL: OrderRequest = { symbol: "X", side: "SELL", type: "MARKET", quantity: 10 };

/**
 * One session on `dir` over 1-minute bars of X closing at `closes` from `start`, on a paper venue whose every order call
 * is seen. The first session buys 99 on the bar at T0 (filled at the next open, 100: 100 cash left, equity = 100 + 99 ×
 * close); `init` and `onBar` place what they are given. Returns the log: state changes, orders reaching the venue, and
 * the status of each order the strategy placed, in order.
 */
async function session(dir: string, closes: number[], start: number, risk: Record<string, number>, init: OrderRequest[] = [], onBar: OrderRequest[] = []) {
  const log: string[] = [];
  const changes: TradingStateChange[] = [];
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } });
  const place = venue.placeOrder.bind(venue);
  const placeSync = venue.placeOrderSync.bind(venue);
  venue.placeOrder = (request) => (log.push(`venue ${request.side}`), place(request));
  venue.placeOrderSync = (request) => (log.push(`venue ${request.side}`), placeSync(request));
  const strategy = testStrategy({
    async init(ctx) {
      for (const request of init) log.push(`init ${request.side} ${(await ctx.placeOrder(request)).status}`);
    },
    async onBar(bar, ctx) {
      if (bar.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 99 });
      if (bar.openTime === start) for (const request of onBar) log.push(`bar ${request.side} ${(await ctx.placeOrder(request)).status}`);
    },
  });
  const run = await runEngine({
    bars: barsFromCloses("X", closes, start),
    strategy,
    engine: { sessionDir: join(root, dir), trading: venue, risk },
    callbacks: { onTradingStateChange: (c) => void (changes.push(c), log.push(`${c.from}->${c.to}`)) },
  });
  expect(run.error).toBeUndefined();
  return { log, changes, state: run.result?.tradingState };
}

describe("a resumed session is judged at its start, before init", () => {
  test("HALTED by daily loss, resumed the same UTC day still past the limit: halts before init, no order reaches the venue", async () => {
    setSystemTime(T0 + 12 * 60 * MIN);
    // Closes 94 → 9,406: 5.94 % down on 10,000 (REDUCING at 5 %); 92 → 9,208: 7.92 % (HALTED at 1.5 × 5 % = 7.5 %).
    const first = await session("halted", [100, 100, 98, 96, 94, 94, 93, 92], T0, { maxDailyLoss: 0.05 });
    expect(first.state).toBe("HALTED");
    // Resumed after bar 7: the equity at start is 9,208 again (the journal's last close, 92), 7.92 % from the day start.
    setSystemTime(T0 + 13 * 60 * MIN);
    const second = await session("halted", [92, 92], T0 + 8 * MIN, { maxDailyLoss: 0.05 }, [BUY, SELL], [BUY]);
    expect(second.log).toEqual(["ACTIVE->HALTED", "init BUY rejected", "init SELL rejected", "bar BUY rejected"]);
    expect(second.changes[0]!.reason).toStartWith("daily loss 7.92% reached haltDailyLoss 7.50%");
    expect(second.state).toBe("HALTED");
  });

  test("REDUCING by daily loss, eased, resumed the same UTC day: REDUCING at the start; resumed the next day: ACTIVE", async () => {
    setSystemTime(T0 + 12 * 60 * MIN);
    // 94 → 9,406: 5.94 % down (REDUCING); 97 → 9,703: 2.97 %, eased, still REDUCING until the UTC day ends.
    const first = await session("daily", [100, 100, 98, 94, 97], T0, { maxDailyLoss: 0.05 });
    expect(first.changes.map((c) => c.to)).toEqual(["REDUCING"]);
    expect(first.state).toBe("REDUCING");
    setSystemTime(T0 + 13 * 60 * MIN);
    const second = await session("daily", [97, 97], T0 + 5 * MIN, { maxDailyLoss: 0.05 }, [BUY, SELL], [BUY]);
    // Only the SELL 10 against the long 99 reduces: it alone reaches the venue.
    expect(second.log).toEqual(["ACTIVE->REDUCING", "init BUY rejected", "venue SELL", "init SELL placed", "bar BUY rejected"]);
    expect(second.changes[0]!.reason).toContain("maxDailyLoss 5.00%");
    expect(second.changes[0]!.reason).toContain("2024-01-01");
    // The next UTC day the daily loss starts afresh from the equity at the restart (89 × 97 + 1,100 cash = 9,733).
    setSystemTime(T0 + DAY + 60 * MIN);
    const third = await session("daily", [97, 97], T0 + DAY, { maxDailyLoss: 0.05 }, [BUY]);
    expect(third.log).toEqual(["venue BUY", "init BUY placed"]);
    expect(third.state).toBe("ACTIVE");
  });

  test("REDUCING by drawdown stays across restarts, any day, until maxDrawdown is raised", async () => {
    setSystemTime(T0 + 12 * 60 * MIN);
    // Peak 100 + 99 × 110 = 10,990; 98 → 9,802: 10.81 % down (REDUCING at 10 %); 104 → 10,396: 5.40 %, eased.
    const first = await session("drawdown", [100, 100, 105, 110, 98, 104], T0, { maxDrawdown: 0.1 });
    expect(first.state).toBe("REDUCING");
    setSystemTime(T0 + DAY + 60 * MIN);
    const second = await session("drawdown", [104], T0 + DAY, { maxDrawdown: 0.1 }, [BUY]);
    expect(second.log).toEqual(["ACTIVE->REDUCING", "init BUY rejected"]);
    expect(second.changes[0]!.reason).toContain("maxDrawdown 10.00%");
    // Raised to 12 %, the REDUCING is lifted: the 5.40 % drawdown at the start is under it.
    setSystemTime(T0 + DAY + 61 * MIN);
    const raised = await session("drawdown", [104], T0 + DAY + MIN, { maxDrawdown: 0.12 }, [BUY]);
    expect(raised.log).toEqual(["venue BUY", "init BUY placed"]);
    // And lifted for good: back at 10 %, the start judges the figures (5.40 %, under 10 %), not the old REDUCING.
    setSystemTime(T0 + DAY + 62 * MIN);
    const back = await session("drawdown", [104], T0 + DAY + 2 * MIN, { maxDrawdown: 0.1 }, [BUY]);
    expect(back.log).toEqual(["venue BUY", "init BUY placed"]);
  });

  test("every equity limit removed for a session lifts a recorded REDUCING for good, as raising the limit does (review)", async () => {
    setSystemTime(T0 + 12 * 60 * MIN);
    // As above: REDUCING at 10.81 % down, eased to 5.40 %.
    expect((await session("removed", [100, 100, 105, 110, 98, 104], T0, { maxDrawdown: 0.1 })).state).toBe("REDUCING");
    setSystemTime(T0 + DAY + 60 * MIN);
    expect((await session("removed", [104], T0 + DAY, {}, [BUY])).log).toEqual(["venue BUY", "init BUY placed"]);
    // Back at 10 %: the figures judge (5.40 %, under 10 %), not the record the limit-free session forgot.
    setSystemTime(T0 + DAY + 61 * MIN);
    const back = await session("removed", [104], T0 + DAY + MIN, { maxDrawdown: 0.1 }, [BUY]);
    expect(back.log).toEqual(["venue BUY", "init BUY placed"]);
  });

  test("still past maxDrawdown at the start (no REDUCING recorded: an older journal's marks) is REDUCING before init", async () => {
    setSystemTime(T0 + 12 * 60 * MIN);
    // Stopped at 98 (9,802, 10.81 % under the 10,990 peak) with a daily-loss limit only (1.98 % down on the day), then
    // resumed with a drawdown limit: the marks hold the peak, and no REDUCING.
    expect((await session("figures", [100, 100, 105, 110, 98], T0, { maxDailyLoss: 0.5 })).changes).toEqual([]);
    setSystemTime(T0 + 13 * 60 * MIN);
    const resumed = await session("figures", [98], T0 + 5 * MIN, { maxDrawdown: 0.1 }, [BUY]);
    expect(resumed.log).toEqual(["ACTIVE->REDUCING", "init BUY rejected"]);
    expect(resumed.changes[0]!.reason).toStartWith("drawdown 10.81% reached maxDrawdown 10.00%");
  });
});

import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-fit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paper = { provider: "paper", config: { initialCapital: 10_000 } };

/** Counts its bars in state, and on the first bar leaves a limit buy far below the market working. */
function trader(name: string, inits: unknown[] = []) {
  return testStrategy({
    init(ctx) {
      inits.push(ctx.state.get("bars"));
    },
    onBar(bar: Bar, ctx) {
      const seen = ((ctx.state.get("bars") as number | undefined) ?? 0) + 1;
      ctx.state.set("bars", seen);
      if (seen === 1) ctx.placeOrder({ symbol: bar.symbol, side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1 });
    },
  }, name);
}

/** A venue that counts the orders it is asked about (a live start asks about every working order of its journal). */
function countingVenue(): FakeVenue & { asked: string[] } {
  const venue = Object.assign(new FakeVenue(), { asked: [] as string[] });
  const getOrder = venue.getOrder.bind(venue);
  venue.getOrder = (id: string) => {
    venue.asked.push(id);
    return getOrder(id);
  };
  return venue;
}

const first = barsFromCloses("X", [100, 101, 102]);
const later = barsFromCloses("X", [100, 101, 102, 103, 104]);

describe("a session takes over only its own strategy's and mode's journal", () => {
  test("another strategy's journal is refused before init, naming the directory and how to go on; nothing reaches the venue", async () => {
    const sessionDir = join(root, "other-strategy");
    const a = await runEngine({ bars: first, strategy: trader("strat-a"), engine: { sessionDir } });
    expect(a.result?.openOrders).toHaveLength(1);

    const inits: unknown[] = [];
    const venue = countingVenue();
    const b = await runEngine({ bars: later, strategy: trader("strat-b", inits), venue, engine: { sessionDir } });
    expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir", strategies: ["strat-a"] } });
    const message = (b.error as Error).message;
    expect(message).toContain(`sessionDir: ${sessionDir} holds the journal of strategy "strat-a"`);
    expect(message).toContain('this session runs strategy "strat-b"');
    expect(message).toContain(`or move ${sessionDir} away to start afresh`);
    expect(inits).toEqual([]);
    expect(venue.asked).toEqual([]);
    expect(venue.placed).toEqual([]);
    // The journal is left as strat-a left it: one session, its order still working.
    expect(journalRows<{ strategy: string }>(sessionDir, "SELECT strategy FROM sessions")).toEqual([{ strategy: "strat-a" }]);
    expect(journalRows<{ status: string }>(sessionDir, "SELECT status FROM orders")).toEqual([{ status: "SUBMITTED" }]);
  });

  test("a live session does not take over a paper journal, nor a paper session a live one", async () => {
    for (const [was, now] of [["paper", "live"], ["live", "paper"]] as const) {
      const sessionDir = join(root, `${was}-then-${now}`);
      const before = await runEngine({ bars: first, strategy: trader("s"), engine: { sessionDir, mode: was } });
      expect(before.error).toBeUndefined();

      const inits: unknown[] = [];
      const venue = countingVenue();
      const after = await runEngine({ bars: later, strategy: trader("s", inits), venue, engine: { sessionDir, mode: now } });
      expect(after.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir", modes: [was] } });
      expect((after.error as Error).message).toContain(`sessionDir: ${sessionDir} holds the journal of a ${was} session; this one is ${now}`);
      // Neither the strategy state (bars: 3) nor the working order reached the session.
      expect(inits).toEqual([]);
      expect(venue.asked).toEqual([]);
    }
  });

  test("the same strategy and mode resume with a symbol added, and with another interval: the state goes on", async () => {
    // A paper venue, which takes the working order back: a fresh fake venue would report it unknown.
    const sessionDir = join(root, "widened");
    await runEngine({ bars: first, strategy: trader("s"), engine: { sessionDir, trading: paper } });

    const inits: unknown[] = [];
    const y = barsFromCloses("Y", [10, 11], Date.UTC(2024, 0, 2));
    const widened = await runEngine({ bars: y, symbols: ["X", "Y"], strategy: trader("s", inits), engine: { sessionDir, trading: paper } });
    expect(widened.error).toBeUndefined();
    expect(widened.named("onError")).toEqual([]);
    // Three X bars before, two Y bars now.
    expect(inits).toEqual([3]);
    expect(widened.result?.counters.bars).toBe(2);

    const hourly = barsFromCloses("X", [100, 99], Date.UTC(2024, 0, 3), "1h", 3_600_000);
    const coarser = await runEngine({ bars: hourly, symbols: ["X", "Y"], strategy: trader("s", inits), engine: { sessionDir, interval: "1h", trading: paper } });
    expect(coarser.error).toBeUndefined();
    expect(coarser.named("onError")).toEqual([]);
    expect(inits).toEqual([3, 5]);
  });
});

describe("what the journal holds in a symbol the session no longer trades", () => {
  test("is reported once per symbol through onError and stays in the account", async () => {
    const sessionDir = join(root, "dropped");
    const both = [...barsFromCloses("X", [100, 101, 102]), ...barsFromCloses("Y", [10, 11, 12])];
    const buyer = testStrategy({
      onBar(bar: Bar, ctx) {
        if (bar.symbol !== "Y" || ctx.state.get("done") === true) return;
        ctx.state.set("done", true);
        ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 2 });
        ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1 });
      },
    });
    const before = await runEngine({ bars: both, strategy: buyer, engine: { sessionDir, trading: paper } });
    expect(before.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["Y", "LONG", 2]]);
    const [limit] = before.result!.openOrders;
    expect(limit).toMatchObject({ symbol: "Y", type: "LIMIT" });

    const after = await runEngine({ bars: barsFromCloses("X", [103, 104], Date.UTC(2024, 0, 2)), symbols: ["X"], strategy: buyer, engine: { sessionDir, trading: paper } });
    expect(after.error).toBeUndefined();
    const errors = after.named("onError").map(([error]) => error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "symbols", symbol: "Y", position: 2, openOrders: [limit!.clientOrderId] } });
    const message = (errors[0] as Error).message;
    expect(message).toContain(`holds a long position of 2 and a working order (${limit!.clientOrderId}) in Y, which is not among this session's symbols (X)`);
    expect(message).toContain("add Y back to the symbols");
    // Kept, not dropped: the paper account still holds the position and the order.
    expect(after.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["Y", "LONG", 2]]);
    expect(after.result?.openOrders.map((o) => o.clientOrderId)).toEqual([limit!.clientOrderId]);
  });
});

describe("a session that died in init", () => {
  test("its orders are its own: a live session is refused the journal of a paper start whose init failed after placing one", async () => {
    const sessionDir = join(root, "failed-init");
    const crashing = testStrategy({
      async init(ctx) {
        await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1 });
        throw new Error("init broke after its first order");
      },
    }, "strat-a");
    const a = await runEngine({ bars: first, strategy: crashing, venue: new FakeVenue(), engine: { sessionDir, mode: "paper" } });
    expect(a.error).toMatchObject({ code: "STRATEGY_INIT_FAILED" });
    expect(journalRows(sessionDir, "SELECT client_order_id FROM orders")).toHaveLength(1);
    expect(journalRows(sessionDir, "SELECT strategy, mode, status FROM sessions")).toMatchObject([{ strategy: "strat-a", mode: "paper", status: "failed" }]);

    const venue = countingVenue();
    const b = await runEngine({ bars: later, strategy: trader("strat-a"), venue, engine: { sessionDir, mode: "live" } });
    expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir", modes: ["paper"] } });
    expect(venue.asked).toEqual([]);
  });
});

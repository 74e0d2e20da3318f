import { type ArgoError, type Order, registerProvider, unregisterProvider } from "@argo/core";
import * as v from "valibot";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-startup-deadline-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const DEADLINE = 40;
const never = <T>() => new Promise<T>(() => {});
const bars = () => barsFromCloses("X", [100, 101, 102]);

type Hung = "connect" | "getAccount" | "getOpenOrders" | "getOrder" | "disconnect" | "placeOrder";

/** A venue that never answers the calls named in `hung` (a broker gateway that stopped replying). */
class HungVenue extends FakeVenue {
  constructor(readonly hung: ReadonlySet<Hung>) {
    super();
  }
  override connect() { return this.hung.has("connect") ? never<void>() : super.connect(); }
  override disconnect() { return this.hung.has("disconnect") ? never<void>() : super.disconnect(); }
  override getAccount() { return this.hung.has("getAccount") ? never<ReturnType<FakeVenue["account"]>>() : super.getAccount(); }
  override getOpenOrders(symbol?: string) { return this.hung.has("getOpenOrders") ? never<Order[]>() : super.getOpenOrders(symbol); }
  override getOrder(id: string) { return this.hung.has("getOrder") ? never<Order>() : super.getOrder(id); }
  override placeOrder(request: Parameters<FakeVenue["placeOrder"]>[0]) { return this.hung.has("placeOrder") ? never<Order>() : super.placeOrder(request); }
}

const hungVenue = (...calls: Hung[]) => new HungVenue(new Set(calls));

describe("a venue that does not answer a start-up or shutdown call", () => {
  test("a connect that never answers fails the start at the deadline, naming the venue and the call; the strategy never starts", async () => {
    let inits = 0;
    const run = await runEngine({ bars: bars(), venue: hungVenue("connect"), strategy: testStrategy({ init: () => void inits++ }), engine: { venueCallTimeoutMs: DEADLINE } });
    expect((run.error as ArgoError).code).toBe("PROVIDER_CONNECTION_FAILED");
    expect((run.error as ArgoError).message).toContain(`did not answer the connect within ${DEADLINE / 1000} s`);
    expect(inits).toBe(0);
    expect(run.named("onEngineStop")).toHaveLength(1);
  });

  test.each([["getAccount", "account read"], ["getOpenOrders", "open orders read"]] as const)("a %s that never answers fails the start with CONNECTION_LOST", async (call, words) => {
    const run = await runEngine({ bars: bars(), venue: hungVenue(call), strategy: testStrategy({}), engine: { venueCallTimeoutMs: DEADLINE } });
    expect((run.error as ArgoError).code).toBe("CONNECTION_LOST");
    expect((run.error as ArgoError).message).toBe(`fake-venue did not answer the ${words} within ${DEADLINE / 1000} s`);
    expect(run.named("onEngineStart")).toHaveLength(0);
  });

  test("Ctrl-C during a hung connect stops the start at once, long before the deadline, as an abort", async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort("SIGINT"), 20);
    const run = await runEngine({ bars: bars(), venue: hungVenue("connect"), strategy: testStrategy({}), engine: { venueCallTimeoutMs: 2_147_483_647 }, signal: stop.signal });
    expect((run.error as ArgoError).code).toBe("CONTEXT_CANCELLED");
    expect(run.named("onEngineStop")).toHaveLength(1);
  });

  test("a disconnect that never answers still ends the session with its result; the hang is reported", async () => {
    // Only a venue the engine created is disconnected by it: one made through the registry.
    registerProvider({
      name: "hung-disconnect-venue", displayName: "H", description: "d", isPaperTrading: true, kind: "trading", packageName: "@argo/engine-test",
      configSchema: v.strictObject({}), capabilities: {}, create: () => hungVenue("disconnect"),
    });
    try {
      const run = await runEngine({ bars: bars(), strategy: testStrategy({}), engine: { trading: { provider: "hung-disconnect-venue" }, venueCallTimeoutMs: DEADLINE } });
      expect(run.error).toBeUndefined();
      expect(run.result?.counters.bars).toBe(3);
      const errors = run.named("onError").map(([error]) => (error as ArgoError).message);
      expect(errors).toEqual([`fake-venue did not answer the disconnect within ${DEADLINE / 1000} s`]);
      expect(run.named("onEngineStop")).toHaveLength(1);
    } finally {
      unregisterProvider("hung-disconnect-venue");
    }
  });

  test("a start-up lookup of a journal order that never answers is reported and the order left as recorded; the session trades on", async () => {
    const dir = join(root, "lookup");
    // Session 1: the placement is never answered, so the journal keeps the order PENDING for the next start to check.
    const first = await runEngine({
      bars: bars(), venue: hungVenue("placeOrder"), engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
      strategy: testStrategy({ async onBar(_bar, ctx) { if (ctx.position() === undefined && ctx.openOrders().length === 0) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "lost-1" }); } }),
    });
    expect(first.error).toBeUndefined();
    // Bars after the first session's: a resumed journal skips bars it already has.
    const later = barsFromCloses("X", [103, 104, 105], Date.UTC(2024, 0, 1, 1));
    const second = await runEngine({ bars: later, venue: hungVenue("getOrder"), strategy: testStrategy({}), engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(second.error).toBeUndefined();
    expect(second.result?.counters.bars).toBe(3);
    const reported = second.named("onError").map(([error]) => error as ArgoError);
    expect(reported.map((e) => e.code)).toEqual(["CONNECTION_LOST"]);
    expect(reported[0]!.message).toContain("order lost-1");
    expect(reported[0]!.message).toContain(`did not answer the order lookup within ${DEADLINE / 1000} s`);
    expect(journalRows<{ client_order_id: string; status: string }>(dir, "SELECT client_order_id, status FROM orders")).toEqual([{ client_order_id: "lost-1", status: "PENDING" }]);
  });
});

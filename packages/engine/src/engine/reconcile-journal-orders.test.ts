import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { ArgoError, type Fill, type Order } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { UNKNOWN_TO_VENUE } from "./reconcile-journal-orders.ts";

const root = mkdtempSync(join(tmpdir(), "argo-reconcile-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Closes 100, 101, …: a limit buy at 90 placed on the first bar never fills while these bars run.
const bars = barsFromCloses("BTC", Array.from({ length: 10 }, (_, i) => 100 + i));
const restingBuy = testStrategy({
  onBar(bar, ctx) {
    if (bar === bars[0]) void ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 90, clientOrderId: "rest-1" });
  },
});
const idle = testStrategy({});

function journalOrder(sessionDir: string, id: string) {
  const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
  try {
    const row = db.query("SELECT status, filled_quantity, data FROM orders WHERE client_order_id = ?").get(id) as { status: string; filled_quantity: number; data: string };
    const fills = db.query("SELECT id, price, quantity FROM fills WHERE client_order_id = ?").all(id);
    return { status: row.status, filled: row.filled_quantity, order: JSON.parse(row.data) as Order, fills };
  } finally {
    db.close();
  }
}

describe("orders the previous session left working are settled in the journal before the next one trades", () => {
  test("filled while no session ran: the journal gets the fill and the final status, reported through onOrderFilled and onOrderUpdate", async () => {
    const sessionDir = join(root, "filled-meanwhile");
    const venue = new FakeVenue({ cash: 10_000 });
    await runEngine({ bars, venue, strategy: restingBuy, engine: { sessionDir } });
    expect(journalOrder(sessionDir, "rest-1").status).toBe("SUBMITTED");

    // The venue keeps trading while nobody watches: a bar dips to 85 and fills the buy at its limit.
    const dip = { ...bars[9]!, openTime: bars[9]!.openTime + 60_000, open: 95, low: 85, close: 96 };
    venue.setTime(dip.openTime);
    venue.processBar(dip);

    const seen: { filled: Array<[Fill, Order]>; updated: Order[]; errors: ArgoError[]; atInit?: string[] } = { filled: [], updated: [], errors: [] };
    const restart = await runEngine({
      bars,
      venue,
      engine: { sessionDir },
      strategy: testStrategy({ init: () => void (seen.atInit = [...seen.updated.map((o) => o.status)]) }),
      callbacks: {
        onOrderFilled: (fill, order) => void seen.filled.push([fill, order]),
        onOrderUpdate: (order) => void seen.updated.push(order),
        onError: (error) => void seen.errors.push(error),
      },
    });
    const recorded = journalOrder(sessionDir, "rest-1");
    expect([recorded.status, recorded.filled]).toEqual(["FILLED", 2]);
    expect(recorded.fills).toEqual([{ id: venue.trades[0]!.id, price: 90, quantity: 2 }]);
    expect(seen.filled.map(([fill, order]) => [fill.price, fill.quantity, order.clientOrderId, order.status])).toEqual([[90, 2, "rest-1", "FILLED"]]);
    // Reported before the strategy's init ran, and only once.
    expect(seen.atInit).toEqual(["FILLED"]);
    expect(seen.updated.filter((o) => o.clientOrderId === "rest-1")).toHaveLength(1);
    expect(seen.errors).toEqual([]);
    expect(restart.result?.counters.errors).toBe(0);
  });

  test("still open at the venue: left open, nothing reported", async () => {
    const sessionDir = join(root, "still-open");
    const venue = new FakeVenue();
    await runEngine({ bars, venue, strategy: restingBuy, engine: { sessionDir } });
    const updated: Order[] = [];
    const restart = await runEngine({ bars, venue, strategy: idle, engine: { sessionDir }, callbacks: { onOrderUpdate: (o) => void updated.push(o) } });
    expect(journalOrder(sessionDir, "rest-1").status).toBe("SUBMITTED");
    expect(updated).toEqual([]);
    expect(restart.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["rest-1"]);
  });

  test("a paper account that can no longer carry the order: recorded as FAILED and reported once as ORDER_NOT_FOUND", async () => {
    const sessionDir = join(root, "paper");
    await runEngine({ bars, engine: { sessionDir, trading: { provider: "paper", config: { initialCapital: 10_000 } } }, strategy: restingBuy });
    // Still working when the session stopped (the paper venue accepted it; nothing reached 90).
    expect(journalOrder(sessionDir, "rest-1").status).toBe("ACCEPTED");

    // Restarted where BTC orders may hold at most 1 (the same account: another starting cash is refused): the venue
    // takes the account back but not this order of 2.
    const poorer = { provider: "paper", config: { initialCapital: 10_000, symbolRules: { BTC: { maxQuantity: 1 } } } };
    const errors: ArgoError[] = [];
    const restart = await runEngine({ bars, engine: { sessionDir, trading: poorer }, strategy: idle, callbacks: { onError: (e) => void errors.push(e) } });
    expect(errors.map((e) => e.code)).toEqual(["ORDER_NOT_FOUND"]);
    expect(errors[0]!.message).toContain("order rest-1 (BUY BTC");
    expect(errors[0]!.message).toContain("recorded as FAILED");
    expect(restart.result?.counters.errors).toBe(1);
    const recorded = journalOrder(sessionDir, "rest-1");
    expect([recorded.status, recorded.order.rejectReason]).toEqual(["FAILED", UNKNOWN_TO_VENUE]);

    // Final now: a third start has nothing left to settle.
    const again: ArgoError[] = [];
    await runEngine({ bars, engine: { sessionDir, trading: poorer }, strategy: idle, callbacks: { onError: (e) => void again.push(e) } });
    expect(again).toEqual([]);
  });

  test("a paper venue takes the order back: still working after the restart, nothing reported", async () => {
    const sessionDir = join(root, "paper-kept");
    const paper = { provider: "paper", config: { initialCapital: 10_000 } };
    await runEngine({ bars, engine: { sessionDir, trading: paper }, strategy: restingBuy });
    const errors: ArgoError[] = [];
    const restart = await runEngine({ bars, engine: { sessionDir, trading: paper }, strategy: idle, callbacks: { onError: (e) => void errors.push(e) } });
    expect(errors).toEqual([]);
    expect(restart.result?.openOrders.map((o) => [o.clientOrderId, o.status, o.limitPrice])).toEqual([["rest-1", "ACCEPTED", 90]]);
    expect(journalOrder(sessionDir, "rest-1").status).toBe("ACCEPTED");
  });

  test("a venue that cannot answer: reported, the order left as recorded for the next start", async () => {
    const sessionDir = join(root, "venue-down");
    const venue = new FakeVenue();
    await runEngine({ bars, venue, strategy: restingBuy, engine: { sessionDir } });
    venue.orders.delete("rest-1"); // not among the open orders, so the venue is asked about it
    // As the contract says every venue method does: rejects with an ArgoError carrying a stable code.
    venue.getOrder = async () => {
      throw new ArgoError("CONNECTION_LOST", "socket hang up", { provider: venue.name });
    };
    const errors: ArgoError[] = [];
    await runEngine({ bars, venue, strategy: idle, engine: { sessionDir }, callbacks: { onError: (e) => void errors.push(e) } });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("CONNECTION_LOST");
    expect(errors[0]!.message).toContain("could not ask fake-venue about it (socket hang up); left as recorded");
    expect(journalOrder(sessionDir, "rest-1").status).toBe("SUBMITTED");
  });
});

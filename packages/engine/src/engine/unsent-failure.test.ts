import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { afterAll, expect, spyOn, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const root = mkdtempSync(join(tmpdir(), "argo-unsent-failure-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Refuses every order, as a broker does for want of funds. */
class RefusingVenue extends FakeVenue {
  override async placeOrder(_request: OrderRequest): Promise<Order> {
    throw new ArgoError("INSUFFICIENT_FUNDS", "insufficient balance");
  }
}

test("the venue refuses an order whose PENDING record then cannot be removed: the refusal still reaches the strategy, the run goes on", async () => {
  const dir = join(root, "s");
  // The disk fills between recording the order and the venue's refusal: removing the record fails.
  const unsent = spyOn(Journal.prototype, "unsent").mockImplementation(() => {
    throw new Error("database or disk is full");
  });
  const results: OrderResult[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const strategy = testStrategy({
      async onBar(_bar, ctx) {
        if (results.length < 2) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "buy-1" }));
      },
    });
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue: new RefusingVenue(), strategy, engine: { sessionDir: dir, mode: "live" } });
    await Bun.sleep(0); // an unhandled rejection is reported on a later turn
    expect(run.error).toBeUndefined();
    expect(run.result?.counters.bars).toBe(3);
    // The first placement resolves as the venue's refusal and is reported as one, once.
    expect(results[0]).toMatchObject({ status: "rejected", code: "INSUFFICIENT_FUNDS" });
    const rejections = run.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejections.slice(0, 1).map((r) => [r.code, r.source])).toEqual([["INSUFFICIENT_FUNDS", "venue"]]);
    const errors = run.named("onError").map(([e]) => e as ArgoError);
    const internal = errors.filter((e) => e.code === "INTERNAL");
    expect(internal.map((e) => e.message)).toEqual([
      "order buy-1: refused by fake-venue, but its PENDING record could not be removed (database or disk is full); the next start will ask the venue",
    ]);
    // Its record stays (the next start asks the venue about it), and so does its id: a retry with it is refused unsent.
    expect(journalRows<{ status: string }>(dir, "SELECT status FROM orders WHERE client_order_id = 'buy-1'")).toEqual([{ status: "PENDING" }]);
    expect(results[1]).toMatchObject({ status: "rejected", code: "DUPLICATE_ORDER" });
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
    unsent.mockRestore();
  }
});

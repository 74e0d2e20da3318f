// A working state buffered after an order's FILLED record was written (a restart's replayed old state) hid that record:
// endedStatus trusted the buffer, so the engine took the replayed states that followed as news (network7). The write
// refuses such a state (UPSERT_ORDER), so the written final record is what the journal holds.
import type { Order } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-ended-under-buffer-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const order = (id: string, status: Order["status"], filled: number): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId: id, venueOrderId: `v-${id}`, timeInForce: "GTC", status, quantity: 2,
  filledQuantity: filled, averageFillPrice: filled === 0 ? 0 : 10, fills: [], createdAt: 1, updatedAt: 1 + filled,
});

describe("endedStatus with a working state buffered over a written final record", () => {
  test("still the written FILLED (across a restart too); a buffered final state is still taken first", () => {
    const dir = join(root, "s1");
    const first = new Journal(dir);
    first.beginSession("s", ["X"], "1m", "live");
    first.order(order("entry", "FILLED", 2));
    first.order(order("other", "SUBMITTED", 0));
    first.close("completed");
    const journal = new Journal(dir);
    journal.order(order("entry", "PARTIALLY_FILLED", 1)); // replayed old state, buffered
    journal.order(order("other", "CANCELLED", 0));
    // By hand: entry's written record is FILLED and the write will refuse the old state; other's buffered CANCELLED is newest.
    expect([journal.endedStatus("entry"), journal.endedStatus("other")]).toEqual(["FILLED", "CANCELLED"]);
    journal.flush();
    expect([journal.endedStatus("entry"), journal.endedStatus("other")]).toEqual(["FILLED", "CANCELLED"]);
    journal.close("completed");
  });
});

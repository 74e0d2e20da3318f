import { afterAll, expect, test } from "bun:test";
import type { Fill, Order, OrderStatus } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-short-filled-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fill = (id: string, clientOrderId: string, quantity: number): Fill => ({
  id, clientOrderId, venueOrderId: `P-${clientOrderId}`, symbol: "X", side: "BUY", quantity, price: 10, fee: 0, time: 1,
});
const order = (clientOrderId: string, status: OrderStatus, filledQuantity: number, fills: Fill[] = []): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `P-${clientOrderId}`, timeInForce: "GTC", status,
  quantity: 2, filledQuantity, averageFillPrice: filledQuantity > 0 ? 10 : 0, fills, createdAt: 1, updatedAt: 1,
});

test("shortFilledOrders: final orders whose fills in the journal add up to less than their filled quantity, with those fills", () => {
  const journal = new Journal(join(root, "short"));
  const listedOnly = fill("L", "listed-only", 2);
  // Each case, and whether it is short, by hand:
  journal.order(order("whole", "FILLED", 2)); // fills 1 + 1 = 2: not short
  journal.order(order("bare", "FILLED", 2)); // no fill: short by 2
  journal.order(order("half", "CANCELLED", 2)); // fill 1 of 2: short by 1
  journal.order(order("working", "PARTIALLY_FILLED", 1)); // not final: unfinishedOrders' business
  journal.order(order("nothing", "CANCELLED", 0)); // nothing filled: not short
  journal.order(order("rounding", "FILLED", 0.1 + 0.2)); // fill 0.3 vs 0.30000000000000004: float rounding, not short
  journal.order(order("listed-only", "FILLED", 2, [listedOnly])); // its record lists a fill the journal never booked: short by 2
  for (const f of [fill("a", "whole", 1), fill("b", "whole", 1), fill("c", "half", 1), fill("d", "working", 1), fill("e", "rounding", 0.3)]) journal.fill(f);
  journal.flush();
  const short = journal.shortFilledOrders();
  expect(short.map((o) => o.clientOrderId)).toEqual(["bare", "half", "listed-only"]);
  // Each comes with what the journal booked of it, not what its record lists.
  expect(short.map((o) => o.fills)).toEqual([[], [fill("c", "half", 1)], []]);
  journal.close("completed");
});

test("a final row an earlier version wrote with a side spelt \"buy\" (never checked then) is left as recorded, not a refused start", () => {
  const journal = new Journal(join(root, "sideless"));
  journal.order(order("bare", "FILLED", 2));
  journal.order({ ...order("old", "FILLED", 2), side: "buy" as never });
  journal.flush();
  // Only the readable one is looked up; before this rule the unreadable one threw and the session could not start.
  expect(journal.shortFilledOrders().map((o) => o.clientOrderId)).toEqual(["bare"]);
  journal.close("completed");
});

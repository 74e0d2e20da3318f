import "@argo/provider-paper";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bar, Fill, Order } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { journaledBase, restartEdited } from "../test-fixtures/edited-journal.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paper = { provider: "paper", config: { initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } } };

/** Buys 1 at market on its first bar, then leaves a limit buy of 1 at 50 resting (never reached). */
const buyOnce = testStrategy({
  onBar(_bar: Bar, ctx) {
    if (ctx.state.get("bought") === true) return;
    ctx.state.set("bought", true);
    ctx.placeOrder({ side: "BUY", quantity: 1 });
    ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50 });
  },
});

const base = join(root, "base");
/** The market buy's client id and its one fill's id, as the base session journaled them. */
let bought: { order: string; fill: string };

beforeAll(async () => {
  bought = await journaledBase(base, buyOnce, paper);
});

/** A copy of the base journal with `edit` applied, restarted: its outcome, how often init ran, the cash at init. */
const restartAfter = (name: string, edit: string) => restartEdited(base, join(root, name), edit, buyOnce.onBar, paper);

describe("a paper restart refuses journal fills their orders do not cover (before the paper account books them)", () => {
  test("untouched, the account comes back: 10,000 less the 1 bought at the first close, 100", async () => {
    const { run, inits, cash } = await restartAfter("untouched", "SELECT 1");
    expect(run.error).toBeUndefined();
    expect([inits, cash]).toEqual([1, 9_900]);
  });

  test("a fill larger than its FILLED order of 1 (quantity 5): INVALID_DATA naming the file, the fills table and the fill", async () => {
    const { run, inits, path } = await restartAfter("larger", `UPDATE fills SET quantity = 5 WHERE client_order_id = '${bought.order}'`);
    const key = `fill ${JSON.stringify(bought.fill)} of order ${JSON.stringify(bought.order)}`;
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "fills", key } });
    expect((run.error as Error).message).toStartWith(`session journal ${path}: the fills row of ${key} takes its order's fills to 5, past the order's quantity 1;`);
    expect(inits).toBe(0);
  });

  test("a second fill of the order under a new id (1 + 1 past 1): the second is named", async () => {
    const copy = `INSERT INTO fills SELECT id || '-again', client_order_id, venue_order_id, symbol, side, quantity, price, fee, time + 1, fee_currency, liquidity
      FROM fills WHERE client_order_id = '${bought.order}'`;
    const { run, inits, path } = await restartAfter("second", copy);
    const key = `fill ${JSON.stringify(`${bought.fill}-again`)} of order ${JSON.stringify(bought.order)}`;
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "fills", key } });
    expect((run.error as Error).message).toContain("takes its order's fills to 2, past the order's quantity 1");
    expect(inits).toBe(0);
  });

  test("a fill of an order id the orders table does not hold", async () => {
    const ghost = `INSERT INTO fills SELECT 'F99', 'ghost-1', 'P77', symbol, 'BUY', 3, price, fee, time, fee_currency, liquidity FROM fills LIMIT 1`;
    const { run, inits, path } = await restartAfter("ghost", ghost);
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "fills", key: 'fill "F99" of order "ghost-1"' } });
    expect((run.error as Error).message).toContain("is a fill of an order the orders table does not hold");
    expect(inits).toBe(0);
  });

  test("a fill of quantity 1e308 (cash -Infinity before): refused, nothing trades", async () => {
    const { run, inits, path } = await restartAfter("huge", `UPDATE fills SET quantity = 1e308 WHERE client_order_id = '${bought.order}'`);
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "fills" } });
    expect(run.result).toBeUndefined();
    expect(inits).toBe(0);
  });
});

describe("recordedFills judges fills as the engine's booked-fills check does", () => {
  const order = (clientOrderId: string, quantity: number): Order => ({
    symbol: "X", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `P-${clientOrderId}`, timeInForce: "GTC", status: "FILLED",
    quantity, filledQuantity: quantity, averageFillPrice: 10, fills: [], createdAt: 1, updatedAt: 1,
  });
  const fill = (id: string, clientOrderId: string, quantity: number, time: number): Fill => ({
    id, clientOrderId, venueOrderId: `P-${clientOrderId}`, symbol: "X", side: "BUY", quantity, price: 10, fee: 0, time,
  });

  test("partial fills summing past the order by float rounding only (0.1 + 0.2 of 0.3) are kept; an order of quantity 0 has no bound", () => {
    const journal = new Journal(join(root, "slack"));
    journal.beginSession("s", ["X"], "1m", "paper");
    journal.order(order("a", 0.3));
    journal.order(order("q", 0)); // sized by quote amount: its quantity not resolved in the state recorded
    for (const f of [fill("F1", "a", 0.1, 1), fill("F2", "a", 0.2, 2), fill("F3", "q", 7, 3)]) journal.fill(f);
    journal.flush();
    // 0.1 + 0.2 = 0.30000000000000004: past 0.3 by 4e-17, within 1e-9 × 0.3.
    expect(journal.recordedFills().map((f) => f.id)).toEqual(["F1", "F2", "F3"]);
    journal.close("completed");
  });

  test("past the order by more than rounding (0.3 + 1e-6 of 0.3): refused, naming the fill that goes past", () => {
    const journal = new Journal(join(root, "past"));
    journal.beginSession("s", ["X"], "1m", "paper");
    journal.order(order("a", 0.3));
    for (const f of [fill("F1", "a", 0.3, 1), fill("F2", "a", 1e-6, 2)]) journal.fill(f);
    journal.flush();
    expect(() => journal.recordedFills()).toThrow(expect.objectContaining({ code: "INVALID_DATA", details: expect.objectContaining({ table: "fills", key: 'fill "F2" of order "a"' }) }));
    journal.close("completed");
  });
});

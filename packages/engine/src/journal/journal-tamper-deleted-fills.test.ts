import "@argo/provider-paper";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bar, Fill, Order } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { journaledBase, restartEdited } from "../test-fixtures/edited-journal.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-deleted-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paper = { provider: "paper", config: { initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } } };

/** Buys 1 at market on its first bar, once. */
const buyOnce = testStrategy({
  onBar(_bar: Bar, ctx) {
    if (ctx.state.get("bought") === true) return;
    ctx.state.set("bought", true);
    ctx.placeOrder({ side: "BUY", quantity: 1 });
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

describe("a paper restart refuses a journal whose FILLED order lists a fill the fills table lost", () => {
  test("untouched, the account comes back: 10,000 less the 1 bought at the first close, 100", async () => {
    const { run, inits, cash } = await restartAfter("untouched", "SELECT 1");
    expect(run.error).toBeUndefined();
    expect([inits, cash]).toEqual([1, 9_900]);
  });

  test("its fill row deleted: INVALID_DATA naming the file, the orders row and the fill (before: resumed with cash 10,000 and no position)", async () => {
    const { run, inits, path } = await restartAfter("deleted", `DELETE FROM fills WHERE client_order_id = '${bought.order}'`);
    const key = `order ${JSON.stringify(bought.order)}`;
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "orders", key } });
    expect((run.error as Error).message).toStartWith(
      `session journal ${path}: the orders row of ${key} lists fill ${JSON.stringify(bought.fill)} of its filled quantity 1, which the fills table does not hold`,
    );
    expect(inits).toBe(0);
  });
});

describe("what the journal legitimately holds short of an order's fills still opens", () => {
  const order = (clientOrderId: string, filledQuantity: number, fills: Fill[]): Order => ({
    symbol: "X", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `P-${clientOrderId}`, timeInForce: "GTC", status: "FILLED",
    quantity: 2, filledQuantity, averageFillPrice: 10, fills, createdAt: 1, updatedAt: 1,
  });
  const fill = (id: string, clientOrderId: string, quantity: number): Fill => ({
    id, clientOrderId, venueOrderId: `P-${clientOrderId}`, symbol: "X", side: "BUY", quantity, price: 10, fee: 0, time: 1,
  });
  /** A journal of one session (at venue "paper" unless `venue` is null: a version before venues were recorded) holding `write`. */
  function journalOf(name: string, venue: string | null, write: (journal: Journal) => void): Journal {
    const journal = new Journal(join(root, name));
    journal.beginSession("s", ["X"], "1m", "paper", ...(venue === null ? [] : [{ name: venue }]));
    write(journal);
    journal.flush();
    return journal;
  }

  test("a fill the engine refused is left out of its order's record (filled 2, one fill of 1 listed and held): read as is", () => {
    const journal = journalOf("refused", "paper", (j) => {
      j.order(order("a", 2, [fill("F1", "a", 1)]));
      j.fill(fill("F1", "a", 1));
    });
    expect(journal.recordedFills().map((f) => f.id)).toEqual(["F1"]);
    journal.close("completed");
  });

  test("a listed fill missing from the fills table is refused in a journal whose sessions recorded their venue", () => {
    const journal = journalOf("missing", "paper", (j) => {
      j.order(order("a", 2, [fill("F1", "a", 1), fill("F2", "a", 1)]));
      j.fill(fill("F1", "a", 1));
    });
    expect(() => journal.recordedFills()).toThrow(expect.objectContaining({ code: "INVALID_DATA", details: expect.objectContaining({ table: "orders", key: 'order "a"' }) }));
    journal.close("completed");
  });

  test("the same in a journal a version before venues were recorded wrote (NULL venue; it lost reused fill ids): read as is", () => {
    const journal = journalOf("older", null, (j) => {
      j.order(order("a", 2, [fill("F1", "a", 1), fill("F2", "a", 1)]));
      j.fill(fill("F1", "a", 1));
    });
    expect(journal.recordedFills().map((f) => f.id)).toEqual(["F1"]);
    journal.close("completed");
  });

  test("a network venue's order short of its fills is what the restart asks the venue about (shortFilledOrders), with the fills held", () => {
    const journal = journalOf("network", "broker", (j) => {
      j.order(order("a", 2, [fill("F1", "a", 1), fill("F2", "a", 1)]));
      j.fill(fill("F1", "a", 1));
    });
    expect(journal.shortFilledOrders().map((o) => [o.clientOrderId, o.fills.map((f) => f.id)])).toEqual([["a", ["F1"]]]);
    journal.close("completed");
  });
});

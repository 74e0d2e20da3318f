import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { Database } from "bun:sqlite";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { editedJournal, thrownBy, WORKING_LIMIT } from "../test-fixtures/edited-journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-stored-rows-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The journal of `name` under the test's root, edited (see editedJournal); its directory. */
function edited(name: string, edit: string): string {
  const dir = join(root, name);
  editedJournal(dir, edit);
  return dir;
}

describe("a journal row changed or damaged outside Argo", () => {
  test("a working order whose data is not an order is INVALID_DATA naming the file, the table, the order and what is wrong", () => {
    const cases: Array<[string, string, string]> = [
      ["cut", "UPDATE orders SET data = substr(data, 1, 40)", "holds text that is not JSON ("],
      ["null", "UPDATE orders SET data = 'null'", "holds an order that is null, not an order"],
      ["no-fills", "UPDATE orders SET data = json_remove(data, '$.fills')", "holds an order that has fills that are missing, not a list"],
      ["status", "UPDATE orders SET data = json_set(data, '$.status', 'open')", 'holds an order that has status "open", none of'],
      ["venue-id", "UPDATE orders SET data = json_set(data, '$.venueOrderId', 28457)", "holds an order that has a venueOrderId that is 28457, not a string"],
      ["blob", "UPDATE orders SET data = x'00ff'", "holds a non-text value where JSON text belongs"],
    ];
    for (const [name, edit, problem] of cases) {
      const dir = edited(`order-${name}`, edit);
      const path = join(dir, "journal.sqlite");
      const error = thrownBy(dir, (journal) => journal.unfinishedOrders());
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "orders", key: 'order "o-1"' } });
      expect((error as Error).message).toStartWith(`session journal ${path}: the orders row of order "o-1" ${problem}`);
      expect((error as Error).message).toEndWith(`repair or delete that row, or move the session directory ${dir} away to start afresh`);
    }
  });

  test("a state value that is not JSON is INVALID_DATA naming the file, the strategy and the key", () => {
    const dir = edited("state", "UPDATE state SET value = '{bad'");
    const path = join(dir, "journal.sqlite");
    const error = thrownBy(dir, (journal) => journal.loadState("s"));
    expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state", key: 'key "n" of strategy "s"' } });
    expect((error as Error).message).toStartWith(`session journal ${path}: the state row of key "n" of strategy "s" holds text that is not JSON (`);
  });

  test("an order row an earlier version wrote without quantity, averageFillPrice or times (or with null there) reads back as 0", () => {
    // Earlier versions journaled a venue's order as it came: a missing average price, a NaN one (JSON null), no quantity
    // (its column NULL too: the same missing value was bound there).
    const dir = edited("earlier", "UPDATE orders SET quantity = NULL, data = json_set(json_remove(data, '$.averageFillPrice'), '$.quantity', json('null'))");
    expect(thrownBy(dir, (journal) => expect(journal.unfinishedOrders()).toEqual([{ ...WORKING_LIMIT, quantity: 0, averageFillPrice: 0 }]))).toBeUndefined();
    // Nor were an order's times checked: a row without them (or with null from a NaN) reads back with time 0.
    const timeless = edited("timeless", "UPDATE orders SET data = json_set(json_remove(data, '$.createdAt'), '$.updatedAt', json('null'))");
    expect(thrownBy(timeless, (journal) => expect(journal.unfinishedOrders()).toEqual([{ ...WORKING_LIMIT, createdAt: 0, updatedAt: 0 }]))).toBeUndefined();
    // A negative figure was never written by Argo: still refused.
    const negative = edited("negative", "UPDATE orders SET data = json_set(data, '$.averageFillPrice', -1)");
    expect((thrownBy(negative, (journal) => journal.unfinishedOrders()) as Error).message).toContain("has an averageFillPrice of -1, not a finite number of 0 or more");
  });

  test("rows as Argo wrote them read back unchanged", () => {
    const dir = edited("untouched", "SELECT 1");
    expect(thrownBy(dir, (journal) => expect(journal.unfinishedOrders()).toEqual([WORKING_LIMIT]))).toBeUndefined();
    expect(thrownBy(dir, (journal) => expect(journal.loadState("s")).toEqual([["n", 3]]))).toBeUndefined();
  });
});

describe("a restart from a damaged journal", () => {
  const bars = barsFromCloses("X", [100, 101, 102]);
  const paper = { provider: "paper", config: { initialCapital: 10_000 } };
  const leaveOrder = testStrategy({
    onBar(_bar: Bar, ctx) {
      if (ctx.state.get("placed") !== true) ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50 });
      ctx.state.set("placed", true);
    },
  });

  /** A copy of a paper session's journal with `edit` applied; the session is then restarted on it. */
  async function restartAfter(name: string, edit: string) {
    const base = join(root, "base");
    const dir = join(root, `restart-${name}`);
    cpSync(base, dir, { recursive: true });
    const db = new Database(join(dir, "journal.sqlite"));
    db.exec(edit);
    db.close();
    let inits = 0;
    const strategy = testStrategy({ init: () => void inits++, onBar: leaveOrder.onBar });
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102, 103]), strategy, engine: { sessionDir: dir, trading: paper } });
    return { run, inits, path: join(dir, "journal.sqlite") };
  }

  test("is refused before init with the journal's INVALID_DATA (an order, a state value, a fill the paper venue cannot book)", async () => {
    const first = await runEngine({ bars, strategy: leaveOrder, engine: { sessionDir: join(root, "base"), trading: paper } });
    expect(first.result?.openOrders).toHaveLength(1);

    const order = await restartAfter("order", "UPDATE orders SET data = 'null' WHERE status = 'ACCEPTED'");
    expect(order.run.error).toMatchObject({ code: "INVALID_DATA", details: { path: order.path, table: "orders" } });
    expect(order.inits).toBe(0);

    const state = await restartAfter("state", "UPDATE state SET value = '{bad'");
    expect(state.run.error).toMatchObject({ code: "INVALID_DATA", details: { path: state.path, table: "state", key: 'key "placed" of strategy "test-strategy"' } });
    expect(state.inits).toBe(0);

    // The paper venue's own refusal, now naming the journal it was read from (a fill of the working order, side "buy").
    const fill = await restartAfter("fill", "INSERT INTO fills SELECT 'F9', client_order_id, venue_order_id, 'X', 'buy', 1, 100, 0, 1, NULL, NULL FROM orders WHERE status = 'ACCEPTED'");
    expect(fill.run.error).toMatchObject({ code: "INVALID_DATA", details: { path: fill.path } });
    expect((fill.run.error as Error).message).toStartWith(`resuming the paper account from the session journal ${fill.path}: `);
    expect(fill.inits).toBe(0);
  });
});

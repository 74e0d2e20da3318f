import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { editedJournal, thrownBy, WORKING_LIMIT } from "../test-fixtures/edited-journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-values-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The journal of `name` under the test's root, edited (see editedJournal). */
function edited(name: string, edit: string): { dir: string; path: string } {
  const dir = join(root, name);
  return { dir, path: editedJournal(dir, edit) };
}

describe("a state value that parses to ±Infinity is the journal's INVALID_DATA, not the strategy's error", () => {
  test("1e999, -1e999 and one deep inside: naming the file, the state table and the row", () => {
    for (const [name, value] of [["top", "1e999"], ["negative", "-1e999"], ["deep", '{"a":[1,{"b":-1e999}]}']]) {
      const { dir, path } = edited(`state-${name}`, `UPDATE state SET value = '${value}'`);
      const error = thrownBy(dir, (journal) => journal.loadState("s"));
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state", key: 'key "n" of strategy "s"' } });
      expect(error?.message).toStartWith(`session journal ${path}: the state row of key "n" of strategy "s" holds a number JSON cannot keep`);
    }
  });

  test("a number JSON keeps (1.7e308, the largest near 1.8e308) loads as written", () => {
    const { dir } = edited("state-large", "UPDATE state SET value = '[1.7e308, -1.7e308]'");
    expect(thrownBy(dir, (journal) => expect(journal.loadState("s")).toEqual([["n", [1.7e308, -1.7e308]]]))).toBeUndefined();
  });

  test("a restart on it stops before init with INVALID_DATA (before: STRATEGY_ERROR blaming the strategy)", async () => {
    const { dir, path } = edited("state-restart", "UPDATE state SET value = '1e999'");
    let inits = 0;
    const run = await runEngine({ bars: barsFromCloses("X", [100]), strategy: testStrategy({ init: () => void inits++ }, "s"), engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state" } });
    expect(inits).toBe(0);
  });
});

describe("a working order whose JSON disagrees with its row's own columns is refused, naming the column", () => {
  const cases: Array<[string, string, string]> = [
    ["clientOrderId", "UPDATE orders SET data = json_set(data, '$.clientOrderId', 'o-9')", "client_order_id"],
    ["symbol", "UPDATE orders SET data = json_set(data, '$.symbol', 'Y')", "symbol"],
    ["side", "UPDATE orders SET side = 'SELL'", "side"],
    ["status", "UPDATE orders SET data = json_set(data, '$.status', 'PARTIALLY_FILLED')", "status"],
    ["quantity", "UPDATE orders SET quantity = 5", "quantity"],
  ];
  for (const [field, edit, column] of cases) {
    test(`${field} against column ${column}`, () => {
      const { dir, path } = edited(`order-${field}`, edit);
      const error = thrownBy(dir, (journal) => journal.unfinishedOrders());
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "orders", key: 'order "o-1"' } });
      expect(error?.message).toStartWith(`session journal ${path}: the orders row of order "o-1" holds an order whose ${field} is not the one in the row's ${column} column;`);
    });
  }

  test("a row whose JSON and columns agree reads back as written", () => {
    const { dir } = edited("order-agrees", "SELECT 1");
    expect(thrownBy(dir, (journal) => expect(journal.unfinishedOrders()).toEqual([WORKING_LIMIT]))).toBeUndefined();
  });
});

import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { editedJournal, thrownBy, WORKING_LIMIT } from "../test-fixtures/edited-journal.ts";
import type { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-rows-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The journal of `name` under the test's root (strategy "s", order o-1 at venue id "v1", state n = 3), edited. */
function edited(name: string, edit: string, more?: (journal: Journal) => void): { dir: string; path: string } {
  const dir = join(root, name);
  return { dir, path: editedJournal(dir, edit, more) };
}

/** A paper restart of strategy "s" on the journal of `dir`: its outcome and how often init ran. */
async function restart(dir: string) {
  let inits = 0;
  const strategy = testStrategy({ init: () => void inits++ }, "s");
  const run = await runEngine({ bars: barsFromCloses("X", [100]), strategy, engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
  return { run, inits };
}

describe("a working order whose venueOrderId disagrees with its row's venue_order_id column is refused, as the other columns are", () => {
  const says = (path: string) => `session journal ${path}: the orders row of order "o-1" holds an order whose venueOrderId is not the one in the row's venue_order_id column;`;

  for (const [name, edit] of [
    ["json", "UPDATE orders SET data = json_set(data, '$.venueOrderId', 'v9')"],
    ["column", "UPDATE orders SET venue_order_id = 'v9'"],
    ["json-removed", "UPDATE orders SET data = json_remove(data, '$.venueOrderId')"],
    ["column-null", "UPDATE orders SET venue_order_id = NULL"],
  ] as const) {
    test(`${name}: INVALID_DATA naming the file, the orders table and the order (before: read back under the JSON's id)`, () => {
      const { dir, path } = edited(`venue-id-${name}`, edit);
      const error = thrownBy(dir, (journal) => journal.unfinishedOrders());
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "orders", key: 'order "o-1"' } });
      expect(error?.message).toStartWith(says(path));
    });
  }

  test("a paper restart on it stops before init", async () => {
    const { dir, path } = edited("venue-id-restart", "UPDATE orders SET data = json_set(data, '$.venueOrderId', 'v9')");
    const { run, inits } = await restart(dir);
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "orders", key: 'order "o-1"' } });
    expect(inits).toBe(0);
  });

  test("an order the venue gave no id yet (absent in the JSON, NULL in the column; or JSON null) reads back as written", () => {
    const pending = { ...WORKING_LIMIT, clientOrderId: "o-2", status: "PENDING" as const, venueOrderId: undefined as unknown as string };
    const { dir } = edited("venue-id-none", "UPDATE orders SET data = json_set(data, '$.venueOrderId', json('null')) WHERE client_order_id = 'o-3'", (journal) => {
      journal.sending(pending);
      journal.sending({ ...pending, clientOrderId: "o-3", createdAt: 2, updatedAt: 2 });
    });
    const read = thrownBy(dir, (journal) => expect(journal.unfinishedOrders().map((o): [string, string | null] => [o.clientOrderId, o.venueOrderId ?? null])).toEqual([["o-1", "v1"], ["o-2", null], ["o-3", null]]));
    expect(read).toBeUndefined();
  });
});

describe("a state row moved to another strategy (a name no session of the journal ran) is refused, not dropped from the resume", () => {
  test("loadState names the file, the state table and the row (before: the key was silently missing, the strategy started without it)", () => {
    const { dir, path } = edited("state-strategy", "UPDATE state SET strategy = 'other'");
    const error = thrownBy(dir, (journal) => journal.loadState("s"));
    expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state", key: 'key "n" of strategy "other"' } });
    expect(error?.message).toStartWith(`session journal ${path}: the state row of key "n" of strategy "other" belongs to a strategy no session of this journal ran ("s");`);
  });

  test("a paper restart on it stops before init (before: init ran with n missing)", async () => {
    const { dir, path } = edited("state-strategy-restart", "UPDATE state SET strategy = 'other'");
    const { run, inits } = await restart(dir);
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state", key: 'key "n" of strategy "other"' } });
    expect(inits).toBe(0);
  });

  test("untouched, the state resumes: n = 3 as written", async () => {
    const { dir } = edited("state-untouched", "SELECT 1");
    expect(thrownBy(dir, (journal) => expect(journal.loadState("s")).toEqual([["n", 3]]))).toBeUndefined();
    let n: unknown;
    const strategy = testStrategy({ init: (ctx) => void (n = ctx.state.get("n")) }, "s");
    const run = await runEngine({ bars: barsFromCloses("X", [100]), strategy, engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
    expect(run.error).toBeUndefined();
    expect(n).toBe(3);
  });
});

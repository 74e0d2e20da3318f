import { afterAll, describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fill = (id: string, clientOrderId: string, time: number, extra: Partial<Fill> = {}): Fill => ({
  id, clientOrderId, venueOrderId: `P-${clientOrderId}`, symbol: "X", side: "BUY", quantity: 1, price: 10 + time, fee: 0.01, time, ...extra,
});

describe("journal fills", () => {
  test("a fill id another order used is kept; the same fill of the same order reported twice is written once", () => {
    const journal = new Journal(join(root, "ids"));
    // A paper venue numbers fills from F1 in every session: the second session's F1 belongs to another order.
    const first = fill("F1", "session1-1", 1, { feeCurrency: "USD", liquidity: "TAKER" });
    const second = fill("F1", "session2-1", 2);
    journal.fill(first);
    journal.flush();
    journal.fill(second);
    journal.fill({ ...second }); // the fill event and a later order check both carry it
    journal.flush();
    expect(journal.recordedFills()).toEqual([first, second]);
    journal.close("completed");
  });

  test("recordedFills reads oldest first, ties in the order written", () => {
    const journal = new Journal(join(root, "order"));
    for (const f of [fill("a", "o1", 5), fill("b", "o2", 3), fill("c", "o3", 5), fill("d", "o4", 4)]) journal.fill(f);
    journal.flush();
    expect(journal.recordedFills().map((f) => f.id)).toEqual(["b", "d", "a", "c"]);
    journal.close("completed");
  });

  test("recordedFills names the strategy of each fill's order when the journal holds the order", () => {
    const journal = new Journal(join(root, "strategy"));
    const order = (clientOrderId: string, strategyName?: string): Order => ({
      symbol: "X", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `P-${clientOrderId}`, timeInForce: "GTC", status: "FILLED",
      quantity: 1, filledQuantity: 1, averageFillPrice: 11, fills: [], createdAt: 1, updatedAt: 1, ...(strategyName ? { strategyName } : {}),
    });
    journal.order(order("o1", "sma-cross"));
    journal.order(order("o2"));
    for (const f of [fill("F1", "o1", 1), fill("F1", "o2", 2), fill("F1", "o3", 3)]) journal.fill(f);
    journal.flush();
    expect(journal.recordedFills().map((f) => [f.clientOrderId, f.strategyName])).toEqual([["o1", "sma-cross"], ["o2", undefined], ["o3", undefined]]);
    expect(Object.keys(journal.recordedFills()[1]!)).not.toContain("strategyName");
    journal.close("completed");
  });

  test("a journal written with fills keyed by id alone is moved to the new key, keeping its rows", () => {
    const dir = join(root, "old");
    mkdirSync(dir);
    const old = new Database(join(dir, JOURNAL_FILE), { create: true });
    old.exec(`CREATE TABLE fills (
      id TEXT PRIMARY KEY, client_order_id TEXT NOT NULL, venue_order_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL,
      quantity REAL NOT NULL, price REAL NOT NULL, fee REAL NOT NULL, time INTEGER NOT NULL)`);
    const insert = old.prepare("INSERT INTO fills VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.run("F2", "o1", "P1", "X", "SELL", 2, 12, 0.02, 7);
    insert.run("F1", "o1", "P1", "X", "BUY", 3, 11, 0.03, 6);
    old.close();

    const journal = new Journal(dir);
    const kept: Fill[] = [
      { id: "F1", clientOrderId: "o1", venueOrderId: "P1", symbol: "X", side: "BUY", quantity: 3, price: 11, fee: 0.03, time: 6 },
      { id: "F2", clientOrderId: "o1", venueOrderId: "P1", symbol: "X", side: "SELL", quantity: 2, price: 12, fee: 0.02, time: 7 },
    ];
    expect(journal.recordedFills()).toEqual(kept);
    // The old key would have ignored this one.
    journal.fill(fill("F1", "o2", 8));
    journal.close("completed");
    const reopened = new Journal(dir);
    expect(reopened.recordedFills().map((f) => `${f.clientOrderId}/${f.id}`)).toEqual(["o1/F1", "o1/F2", "o2/F1"]);
    reopened.close("completed");
  });
});

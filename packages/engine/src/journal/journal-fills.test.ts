import { afterAll, describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFirstSchemaJournal } from "./first-schema-fixture.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fill = (id: string, clientOrderId: string, time: number, extra: Partial<Fill> = {}): Fill => ({
  id, clientOrderId, venueOrderId: `P-${clientOrderId}`, symbol: "X", side: "BUY", quantity: 1, price: 10 + time, fee: 0.01, time, ...extra,
});

/** The FILLED market buy of 1 each fill above belongs to (a fill is booked only with its order recorded). */
const order = (clientOrderId: string, strategyName?: string): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `P-${clientOrderId}`, timeInForce: "GTC", status: "FILLED",
  quantity: 1, filledQuantity: 1, averageFillPrice: 11, fills: [], createdAt: 1, updatedAt: 1, ...(strategyName ? { strategyName } : {}),
});

describe("journal fills", () => {
  test("a fill id another order used is kept; the same fill of the same order reported twice is written once", () => {
    const journal = new Journal(join(root, "ids"));
    journal.order(order("session1-1"));
    journal.order(order("session2-1"));
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
    for (const id of ["o1", "o2", "o3", "o4"]) journal.order(order(id));
    for (const f of [fill("a", "o1", 5), fill("b", "o2", 3), fill("c", "o3", 5), fill("d", "o4", 4)]) journal.fill(f);
    journal.flush();
    expect(journal.recordedFills().map((f) => f.id)).toEqual(["b", "d", "a", "c"]);
    journal.close("completed");
  });

  test("recordedFills names the strategy of each fill's order when the journal holds the order", () => {
    const journal = new Journal(join(root, "strategy"));
    journal.order(order("o1", "sma-cross"));
    journal.order(order("o2"));
    for (const f of [fill("F1", "o1", 1), fill("F1", "o2", 2)]) journal.fill(f);
    journal.flush();
    expect(journal.recordedFills().map((f) => [f.clientOrderId, f.strategyName])).toEqual([["o1", "sma-cross"], ["o2", undefined]]);
    expect(Object.keys(journal.recordedFills()[1]!)).not.toContain("strategyName");
    journal.close("completed");
  });

  test("a journal written with fills keyed by id alone is moved to the new key, keeping its rows", () => {
    const dir = join(root, "old");
    // A session of the first version (fills keyed by id alone) with its order o1 of 5, filled by F1 (3) and F2 (2).
    writeFirstSchemaJournal(dir, `INSERT INTO sessions (strategy, symbols, interval, mode, started_at) VALUES ('s', 'X', '1m', 'paper', 1);
      INSERT INTO orders VALUES ('o1', 'P1', 'X', 'BUY', 'MARKET', 'FILLED', 5, 5, 11.4, 6, 7, '{}');
      INSERT INTO fills VALUES ('F2', 'o1', 'P1', 'X', 'SELL', 2, 12, 0.02, 7);
      INSERT INTO fills VALUES ('F1', 'o1', 'P1', 'X', 'BUY', 3, 11, 0.03, 6);`);

    const journal = new Journal(dir);
    const kept: Fill[] = [
      { id: "F1", clientOrderId: "o1", venueOrderId: "P1", symbol: "X", side: "BUY", quantity: 3, price: 11, fee: 0.03, time: 6 },
      { id: "F2", clientOrderId: "o1", venueOrderId: "P1", symbol: "X", side: "SELL", quantity: 2, price: 12, fee: 0.02, time: 7 },
    ];
    expect(journal.recordedFills()).toEqual(kept);
    // The old key would have ignored this one.
    journal.order(order("o2"));
    journal.fill(fill("F1", "o2", 8));
    journal.close("completed");
    const reopened = new Journal(dir);
    expect(reopened.recordedFills().map((f) => `${f.clientOrderId}/${f.id}`)).toEqual(["o1/F1", "o1/F2", "o2/F1"]);
    reopened.close("completed");
  });
});

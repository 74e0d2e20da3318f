import { afterAll, describe, expect, test } from "bun:test";
import { ArgoError, type Fill, type Order, type VenueRecord } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { restoreSimulatedAccount } from "./restore-simulated-account.ts";

const root = mkdtempSync(join(tmpdir(), "argo-restore-account-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fill: Fill = { id: "F1", clientOrderId: "a-1", venueOrderId: "P1", symbol: "X", side: "BUY", quantity: 2, price: 10, fee: 0.02, time: 60_000 };
const working: Order = {
  symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 12, quantity: 2, timeInForce: "GTC", clientOrderId: "a-2", venueOrderId: "P2",
  status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 60_000, updatedAt: 60_000,
};

const bars = [...barsFromCloses("X", [10, 11, 12]), ...barsFromCloses("Y", [5, 6]), ...barsFromCloses("X", [99], 0, "1h")];

/** The FILLED order the fill belongs to (a fill the journal holds no order of is refused as changed outside Argo). */
const filled: Order = { ...working, clientOrderId: "a-1", venueOrderId: "P1", side: "BUY", type: "MARKET", status: "FILLED", filledQuantity: 2, averageFillPrice: 10 };

/** A journal in a fresh directory with bars, one fill (and its order), one working order and a session of each given mode. */
function journalOf(name: string, modes: string[]): Journal {
  const journal = new Journal(join(root, name));
  for (const bar of bars) journal.bar(bar);
  journal.order(filled);
  journal.fill(fill);
  journal.order(working);
  journal.flush();
  for (const mode of modes) journal.beginSession("s", ["X"], "1m", mode);
  return journal;
}

/** A simulated venue that keeps what it is handed. */
function restorable(): FakeVenue & { restored: VenueRecord[] } {
  const venue = Object.assign(new FakeVenue(), { restored: [] as VenueRecord[] });
  return Object.assign(venue, { restore: (record: VenueRecord) => void venue.restored.push(record) });
}

describe("restoreSimulatedAccount", () => {
  test("a paper session resumed from a paper journal hands the venue every fill, the working orders and each symbol's newest bar", () => {
    const venue = restorable();
    const journal = journalOf("paper", ["paper", "paper"]);
    const held = ["X", "Y", "Z"].flatMap((symbol) => journal.loadBars(symbol, "1m", 10));
    restoreSimulatedAccount(journal, venue, "paper", held);
    // The newest of each symbol's bars in the session's interval; Z has none. The only order recorded is P2.
    expect(venue.restored).toEqual([{ fills: [fill], workingOrders: [working], lastBars: [bars[2]!, bars[4]!], greatestVenueOrderId: "P2" }]);
  });

  test("the greatest venue order id counts the orders that ended too, by number: P10 past P9", () => {
    const venue = restorable();
    const journal = journalOf("ended", []);
    const ended = (clientOrderId: string, status: Order["status"], venueOrderId: string): Order => ({ ...working, clientOrderId, status, venueOrderId });
    // Neither in the fills nor working: a cancelled P10, an expired P9, a rejected order the venue never numbered, and an
    // id not ending in a number (longer than any, so by length alone it would be the greatest).
    for (const order of [ended("a-3", "CANCELLED", "P10"), ended("a-4", "EXPIRED", "P9"), ended("a-5", "REJECTED", ""), ended("a-6", "CANCELLED", "not-numbered")]) journal.order(order);
    journal.flush();
    journal.beginSession("s", ["X"], "1m", "paper");
    restoreSimulatedAccount(journal, venue, "paper", bars);
    expect(venue.restored.map((record) => record.greatestVenueOrderId)).toEqual(["P10"]);
  });

  test("nothing is handed over for a new journal, a live session, or a venue without restore", () => {
    const cases: Array<[string[], "paper" | "live"]> = [[[], "paper"], [["paper"], "live"]];
    for (const [i, [modes, mode]] of cases.entries()) {
      const venue = restorable();
      restoreSimulatedAccount(journalOf(`skip-${i}`, modes), venue, mode, bars);
      expect(venue.restored).toEqual([]);
    }
    // A simulator that cannot take an account back simply starts afresh.
    expect(() => restoreSimulatedAccount(journalOf("no-restore", ["paper"]), new FakeVenue(), "paper", bars)).not.toThrow();
  });

  test("a journal that also holds a live session is refused, naming it, and nothing is handed over", () => {
    const venue = restorable();
    const journal = journalOf("live-and-paper", ["live", "paper"]);
    expect(() => restoreSimulatedAccount(journal, venue, "paper", bars)).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIGURATION", message: expect.stringContaining(`session journal ${journal.path} also holds live sessions`) }),
    );
    expect(venue.restored).toEqual([]);
  });

  test("a refusal of the venue names the journal it came from, keeping its code and provider", () => {
    const venue = Object.assign(new FakeVenue(), {
      restore: () => {
        throw new ArgoError("INVALID_DATA", 'restore: fill "F1" has side buy', { provider: "paper", details: { field: "fills" } });
      },
    });
    const journal = journalOf("refused", ["paper"]);
    let thrown: unknown;
    try {
      restoreSimulatedAccount(journal, venue, "paper", bars);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "INVALID_DATA", provider: "paper", details: { field: "fills", path: journal.path },
      message: `resuming the paper account from the session journal ${journal.path}: restore: fill "F1" has side buy`,
    });
  });
});

import type { Fill } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { START, thrown } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

const CONFIG: PaperConfigInput = { initialCapital: 1_000, symbols: ["XYZ"], commission: { makerRate: 0, takerRate: 0 } };

async function fresh(): Promise<PaperVenue> {
  const venue = createPaperVenue(CONFIG);
  await venue.connect();
  return venue;
}

const good: Fill = { id: "F1", clientOrderId: "a", venueOrderId: "P1", symbol: "XYZ", side: "BUY", quantity: 2, price: 100, fee: 0, time: START };


describe("restore: fills whose cash no number holds are refused, not booked to -Infinity", () => {
  test("a finite quantity × a finite price past 1.8e308 (1e308 × 100): INVALID_DATA naming the fill and quantity; nothing booked", async () => {
    const venue = await fresh();
    const before = await venue.getAccount();
    const huge = { ...good, id: "F2", venueOrderId: "P2", quantity: 1e308 };
    const error = thrown(() => venue.restore({ fills: [good, huge], workingOrders: [] }));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain('fill "F2"');
    expect(error.details).toMatchObject({ fillId: "F2", field: "quantity", index: 1 });
    expect(await venue.getAccount()).toEqual(before);
    expect([await venue.getTrades(), await venue.getPositions()]).toEqual([[], []]);
  });

  test("fills each finite that sum past it (2 × 1e306 × 100 = 2e308): the fill that takes the sum there is named", async () => {
    const venue = await fresh();
    const big = (id: string, side: Fill["side"]): Fill => ({ ...good, id, side, quantity: 1e306 });
    // 1e306 × 100 = 1e308 is finite; a buy and a sell of it move 2e308 of cash between them, past Number.MAX_VALUE.
    const error = thrown(() => venue.restore({ fills: [big("F1", "BUY"), big("F2", "SELL")], workingOrders: [] }));
    expect([error.code, error.details?.fillId, error.details?.field]).toEqual(["INVALID_DATA", "F2", "quantity"]);
    expect(await venue.getTrades()).toEqual([]);
  });

  test("large fills a number still holds are booked as ever (1e300 × 100 bought: cash 1000 − 1e302)", async () => {
    const venue = await fresh();
    venue.restore({ fills: [{ ...good, quantity: 1e300 }], workingOrders: [] });
    // 1000 − 1e302 rounds to −1e302 in doubles (1000 is far below its last place).
    expect((await venue.getAccount()).balance).toBe(-1e302);
  });
});

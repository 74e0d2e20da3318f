import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";
import type { PaperVenue } from "./paper-venue.ts";

const HOUR = 3_600_000;
/** The entry is placed on 2024-01-02 (UTC): its day ends at midnight into the 3rd. */
const DAY_END = Date.UTC(2024, 0, 3);
/** Two days later, 09:00: a bar after a gap in the data. */
const LATER = Date.UTC(2024, 0, 5, 9);

type Path = "own bar" | "setTime, then own bar" | "another symbol's bar, then own bar";

/**
 * The ways the venue can notice that the day of a partly filled DAY entry ended, before the first bar
 * of the entry's symbol that opens at or after the day end: that bar itself, the clock set to its close
 * (as the engine does before each bar), or a bar of another symbol of the same hour.
 */
function reachBar(venue: PaperVenue, path: Path, openTime: number, prices: { open: number; high: number; low: number; close: number }): void {
  if (path === "setTime, then own bar") venue.setTime(openTime + HOUR);
  if (path === "another symbol's bar, then own bar") {
    venue.processBar({ symbol: "ABC", interval: "1h", openTime, open: 10, high: 10, low: 10, close: 10, volume: 1e9 });
  }
  venue.processBar({ symbol: "XYZ", interval: "1h", openTime, volume: 1e9, ...prices });
}

const PATHS: Path[] = ["own bar", "setTime, then own bar", "another symbol's bar, then own bar"];
const OPENS: Array<[string, number]> = [
  ["at the day end", DAY_END],
  ["after a gap", LATER],
];

describe("the legs of a partly filled DAY entry work from its day end", () => {
  for (const path of PATHS) {
    for (const [when, openTime] of OPENS) {
      test(`${path} ${when}: a stop-loss the bar crosses fills in that bar, at its trigger or at a gapped open`, async () => {
        for (const [open, expected] of [
          [95, 90], // the fall from 95 to 85 crosses the trigger at 90
          [88, 88], // the bar opens below the trigger: a stop fills at the open
        ]) {
          const { venue, feed, events } = await harness({ maxVolumeShare: 0.5 }, "1h");
          await venue.placeOrder({
            symbol: "XYZ",
            side: "BUY",
            type: "LIMIT",
            quantity: 10,
            limitPrice: 100,
            timeInForce: "DAY",
            clientOrderId: "d",
            stopLoss: { triggerPrice: 90 },
            takeProfit: { triggerPrice: 130 },
          });
          // 50 % of a volume of 8: 4 of 10 fill at 100 in the 01:00 bar; the other 6 wait for the rest of the day.
          feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
          reachBar(venue, path, openTime, { open: open!, high: open!, low: 85, close: 86 });
          const entry = await venue.getOrder("d");
          expect([entry.status, entry.filledQuantity, entry.updatedAt]).toEqual(["EXPIRED", 4, DAY_END]);
          const stop = await venue.getOrder("d-sl");
          expect([stop.status, stop.quantity, stop.averageFillPrice]).toEqual(["FILLED", 4, expected]);
          expect([stop.createdAt, stop.fills[0]?.time]).toEqual([DAY_END, openTime]);
          const take = await venue.getOrder("d-tp");
          expect([take.status, take.createdAt, take.updatedAt]).toEqual(["CANCELLED", DAY_END, openTime]);
          expect(await venue.getPosition("XYZ")).toBeUndefined();
          expectConsistentTimes([entry, stop, take], events);
        }
      });
    }
  }

  test("the previous bar of its symbol closing at the day end: the next bar's open is past the stop-loss", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.5 }, "1h");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 100, timeInForce: "DAY", clientOrderId: "d", stopLoss: { triggerPrice: 90 } });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
    // 02:00 to 24:00 without trading (the limit is below every bar); the 23:00 bar closes at the day end.
    for (let hour = 2; hour < 24; hour++) feed({ open: 101, high: 101, low: 101, close: 101, volume: 8 });
    expect((await venue.getOrder("d-sl")).createdAt).toBe(DAY_END);
    expect(feed({ open: 88, high: 89, low: 87, close: 88 })).toBe(DAY_END);
    const stop = await venue.getOrder("d-sl");
    expect([stop.status, stop.averageFillPrice, stop.fills[0]?.time]).toEqual(["FILLED", 88, DAY_END]);
  });

  test("a take-profit the bar reaches fills in that bar too: the legs existed before it opened", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.5 }, "1h");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 100, timeInForce: "DAY", clientOrderId: "d", takeProfit: { triggerPrice: 110 } });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
    venue.setTime(DAY_END + HOUR);
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: DAY_END, open: 105, high: 112, low: 104, close: 111, volume: 1e9 });
    const take = await venue.getOrder("d-tp");
    expect([take.status, take.averageFillPrice, take.fills[0]?.time]).toEqual(["FILLED", 110, DAY_END]);
  });
});

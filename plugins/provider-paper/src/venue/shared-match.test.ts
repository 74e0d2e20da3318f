import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";

describe("two venues in one process", () => {
  test("a fill listener of one venue that processes a bar on another does not change the first venue's fill", async () => {
    const a = await harness({}, "1m", "XYZ", 100);
    const b = await harness({}, "1m", "XYZ", 50);
    await b.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
    let driven = false;
    a.venue.on((event) => {
      if (event.type !== "fill" || driven) return;
      driven = true;
      b.feed(50); // B's market order matches at 50 while A is still inside its bar.
    });
    // The entry fills at A's open 100, so its take-profit at 110 may trade in the rest of the bar (high 120).
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", takeProfit: { triggerPrice: 110 } });
    a.feed({ open: 100, high: 120, low: 95, close: 115 });
    expect(driven).toBe(true);
    expect((await b.venue.getOrder("b")).averageFillPrice).toBe(50);
    expect((await a.venue.getOrder("e")).averageFillPrice).toBe(100);
    const tp = await a.venue.getOrder("e-tp");
    expect([tp.status, tp.averageFillPrice]).toEqual(["FILLED", 110]);
    expect(await a.venue.getPosition("XYZ")).toBeUndefined();
  });
});

import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

// Maker and taker rates far apart, so the fee shows which one was charged.
const RATES = { commission: { makerRate: 0.001, takerRate: 0.005 } };

describe("IOC and FOK limits never rest, so they always take liquidity", () => {
  for (const tif of ["IOC", "FOK"] as const) {
    test(`${tif}: a buy limit filled at its limit inside the bar pays the taker fee (TAKER)`, async () => {
      const { venue, feed } = await harness({ initialCapital: 10_000, ...RATES });
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: tif, clientOrderId: "now" });
      // Not marketable at the open (100 > 95); the low reaches 95 inside the bar: the fill is at the limit, as before.
      feed({ open: 100, high: 101, low: 94, close: 99 });
      const order = await venue.getOrder("now");
      expect(order.status).toBe("FILLED");
      expect(order.fills.map((f) => [f.price, f.liquidity])).toEqual([[95, "TAKER"]]);
      // 10 × 95 × 0.005 = 4.75 (the maker rate would have charged 0.95).
      money(order.fills[0]?.fee, 4.75);
      money((await venue.getAccount()).balance, 10_000 - 950 - 4.75);
    });

    test(`${tif}: a sell limit filled at its limit inside the bar pays the taker fee (TAKER)`, async () => {
      const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true, ...RATES });
      await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quantity: 10, limitPrice: 105, timeInForce: tif, clientOrderId: "now" });
      feed({ open: 100, high: 106, low: 99, close: 101 });
      const [fill] = (await venue.getOrder("now")).fills;
      expect([fill?.price, fill?.liquidity]).toEqual([105, "TAKER"]);
      // 10 × 105 × 0.005 = 5.25.
      money(fill?.fee, 5.25);
    });
  }

  test("a GTC limit filled the same way still rests and pays the maker fee (MAKER)", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, ...RATES });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, clientOrderId: "rest" });
    feed({ open: 100, high: 101, low: 94, close: 99 });
    const [fill] = (await venue.getOrder("rest")).fills;
    expect([fill?.price, fill?.liquidity]).toEqual([95, "MAKER"]);
    // 10 × 95 × 0.001 = 0.95.
    money(fill?.fee, 0.95);
  });

  test("an IOC limit still gets only its first eligible bar: unreached there, it expires unfilled", async () => {
    const { venue, feed } = await harness(RATES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "IOC", clientOrderId: "late" });
    feed({ open: 100, high: 101, low: 96, close: 97 });
    feed({ open: 94, high: 95, low: 90, close: 92 });
    const order = await venue.getOrder("late");
    expect([order.status, order.filledQuantity]).toEqual(["EXPIRED", 0]);
  });
});

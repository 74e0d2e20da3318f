import { describe, expect, test } from "bun:test";
import { harness, money, rejectsWith } from "../__fixtures__/venue-harness.ts";

describe("short selling", () => {
  test("off by default; when allowed a short sale adds its proceeds to cash and marks against equity", async () => {
    const off = await harness();
    await rejectsWith(off.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 1 }), "INSUFFICIENT_POSITION");

    const { venue, feed } = await harness({ initialCapital: 1_000, allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 5 });
    feed({ open: 100, high: 100, low: 90, close: 90 });
    const account = await venue.getAccount();
    money(account.balance, 1_500);
    money(account.equity, 1_500 - 5 * 90);
    const position = await venue.getPosition("XYZ");
    expect(position?.side).toBe("SHORT");
    money(position?.unrealizedPnl, 50);
  });

  test("one order reverses a long into a short: realises the long, opens the short at the fill price", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4 });
    feed(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 10 });
    feed(110);
    const position = await venue.getPosition("XYZ");
    expect(position?.side).toBe("SHORT");
    expect(position?.quantity).toBe(6);
    expect(position?.averagePrice).toBe(110);
    money((await venue.getAccount()).realizedPnl, 40);
  });

  test("a short's cover is never refused for lack of funds, even after a loss", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_000, allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 9 });
    feed(100);
    feed(160); // equity 1,900 − 1,440 = 460, exposure 1,440: buying power is gone
    expect((await venue.getAccount()).buyingPower).toBe(0);
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 1 }), "INSUFFICIENT_FUNDS");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 9, clientOrderId: "cover" });
    feed(165);
    expect((await venue.getOrder("cover")).status).toBe("FILLED");
    money((await venue.getAccount()).balance, 1_000 - 9 * 65);
  });
});

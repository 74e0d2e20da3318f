import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

// Hand-worked: taker commission 0.1 %, shorting allowed, 10,000 USD. Every order is a market order
// that fills at the next bar's open; marks are that bar's close.
describe("accounting, worked by hand", () => {
  test("buy, add, partial sell, reverse to short, cover: cash, position, average, realized PnL and fees after every step", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0.0005, takerRate: 0.001 } });
    const step = async (side: "BUY" | "SELL", quantity: number, bar: { open: number; high: number; low: number; close: number }) => {
      await venue.placeOrder({ symbol: "XYZ", side, type: "MARKET", quantity });
      feed(bar);
      return { account: await venue.getAccount(), position: await venue.getPosition("XYZ") };
    };

    // 1. Buy 10 @ 100: value 1,000, fee 1.00 → cash 10,000 − 1,001 = 8,999.00. Long 10 @ 100.
    //    Mark 102: equity 8,999 + 10 × 102 = 10,019; unrealized (102 − 100) × 10 = 20.
    let { account, position } = await step("BUY", 10, { open: 100, high: 103, low: 99, close: 102 });
    money(account.balance, 8_999);
    expect(position?.side).toBe("LONG");
    money(position?.quantity, 10);
    money(position?.averagePrice, 100);
    money(account.realizedPnl, 0);
    money(account.totalFees, 1);
    money(account.equity, 10_019);
    money(account.unrealizedPnl, 20);

    // 2. Add 10 @ 106: value 1,060, fee 1.06 → cash 8,999 − 1,061.06 = 7,937.94.
    //    Average (10 × 100 + 10 × 106) / 20 = 103. Mark 107: equity 7,937.94 + 2,140 = 10,077.94; unrealized 4 × 20 = 80.
    ({ account, position } = await step("BUY", 10, { open: 106, high: 108, low: 105, close: 107 }));
    money(account.balance, 7_937.94);
    money(position?.quantity, 20);
    money(position?.averagePrice, 103);
    money(account.totalFees, 2.06);
    money(account.equity, 10_077.94);
    money(account.unrealizedPnl, 80);

    // 3. Sell 8 @ 110: value 880, fee 0.88 → cash 7,937.94 + 879.12 = 8,817.06. Realized (110 − 103) × 8 = 56.
    //    Long 12 @ 103 (average unchanged). Mark 109: equity 8,817.06 + 1,308 = 10,125.06.
    ({ account, position } = await step("SELL", 8, { open: 110, high: 111, low: 108, close: 109 }));
    money(account.balance, 8_817.06);
    money(position?.quantity, 12);
    money(position?.averagePrice, 103);
    money(position?.realizedPnl, 56);
    money(position?.fees, 2.94);
    money(account.realizedPnl, 56);
    money(account.totalFees, 2.94);
    money(account.equity, 10_125.06);

    // 4. Sell 20 @ 105: closes the 12 long (realized (105 − 103) × 12 = 24) and opens 8 short @ 105.
    //    Value 2,100, fee 2.10 → cash 8,817.06 + 2,097.90 = 10,914.96 (the short sale's proceeds included).
    //    The new short carries its share of the fee: 2.10 × 8 / 20 = 0.84. Mark 104: equity 10,914.96 − 8 × 104 = 10,082.96.
    ({ account, position } = await step("SELL", 20, { open: 105, high: 106, low: 104, close: 104 }));
    money(account.balance, 10_914.96);
    expect(position?.side).toBe("SHORT");
    money(position?.quantity, 8);
    money(position?.averagePrice, 105);
    money(position?.realizedPnl, 0);
    money(position?.fees, 0.84);
    money(account.realizedPnl, 80);
    money(account.totalFees, 5.04);
    money(account.equity, 10_082.96);
    money(account.unrealizedPnl, 8);
    money(account.marginUsed, 832);

    // 5. Buy 8 @ 100 to cover: value 800, fee 0.80 → cash 10,914.96 − 800.80 = 10,114.16. Realized (105 − 100) × 8 = 40.
    //    Flat. Check: 10,000 + realized 120 − fees 5.84 = 10,114.16.
    ({ account, position } = await step("BUY", 8, { open: 100, high: 101, low: 99, close: 100 }));
    money(account.balance, 10_114.16);
    expect(position).toBeUndefined();
    money(account.realizedPnl, 120);
    money(account.totalFees, 5.84);
    money(account.equity, 10_114.16);
    money(account.unrealizedPnl, 0);

    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.side, t.quantity, t.price])).toEqual([
      ["BUY", 10, 100],
      ["BUY", 10, 106],
      ["SELL", 8, 110],
      ["SELL", 20, 105],
      ["BUY", 8, 100],
    ]);
    const expectedPnl = [0, 0, 56, 24, 40];
    const expectedFees = [1, 1.06, 0.88, 2.1, 0.8];
    trades.forEach((t, i) => {
      money(t.realizedPnl, expectedPnl[i]!);
      money(t.fee, expectedFees[i]!);
      expect(t.liquidity).toBe("TAKER");
    });
  });

  test("a per-order minimum fee applies to the order's total, not to every partial fill", async () => {
    // Minimum 5, rate 0.1 %, at most half of each bar's volume: 10 @ 100 fills 5 + 5.
    // Rate fees 0.50 + 0.50 = 1.00 < 5, so the first fill pays 5.00 and the second 0.
    const { venue, feed } = await harness({ maxVolumeShare: 0.5, commission: { makerRate: 0.001, takerRate: 0.001, minimum: 5 } });
    const order = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10 });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 10 });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 10 });
    const done = await venue.getOrder(order.clientOrderId);
    expect(done.status).toBe("FILLED");
    expect(done.fills.map((f) => f.fee)).toEqual([5, 0]);
    money((await venue.getAccount()).balance, 100_000 - 1_000 - 5);
  });

  test("equity = cash + Σ signed quantity × last close, across symbols", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true });
    feed(50, "AAA");
    feed(20, "BBB");
    await venue.placeOrder({ symbol: "AAA", side: "BUY", type: "MARKET", quantity: 10 });
    await venue.placeOrder({ symbol: "BBB", side: "SELL", type: "MARKET", quantity: 30 });
    feed({ open: 50, high: 60, low: 50, close: 55 }, "AAA");
    feed({ open: 20, high: 21, low: 18, close: 18 }, "BBB");
    // Cash 10,000 − 500 + 600 = 10,100. Marked: 10 × 55 − 30 × 18 = 10. Equity 10,110.
    const account = await venue.getAccount();
    money(account.balance, 10_100);
    money(account.equity, 10_110);
    // Unrealized: AAA (55 − 50) × 10 = 50; BBB (20 − 18) × 30 = 60.
    money(account.unrealizedPnl, 110);
    // No leverage: buying power = equity − gross exposure (550 + 540).
    money(account.buyingPower, 10_110 - 1_090);
  });
});

import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, money, START } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

// Orders sized by an amount (quoteAmount, equityFraction) spread over bars by maxVolumeShare: a later fill takes what
// is left of the amount at its own price, never the quantity the first price implied. Every figure is worked by hand.
const SPREAD = { maxVolumeShare: 0.1, defaultRules: { stepSize: 0.001 } };
const flat = (price: number, volume: number) => ({ open: price, high: price, low: price, close: price, volume });

describe("a quote- or equity-sized order spread over bars spends at most its amount", () => {
  test("quoteAmount 1,000: 4 at 100, then 4 at 150 (600 left buys 4), FILLED 8; a resting limit's reservation is untouched", async () => {
    const { venue, feed, events } = await harness({ initialCapital: 1_500, ...SPREAD });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    // Placed after: 4 × 90 = 360 reserved of the 1,500 − 1,000 = 500 the quote order left.
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 4, limitPrice: 90, clientOrderId: "lim" });
    money((await venue.getAccount()).buyingPower, 140);
    feed(flat(100, 40)); // volume 40 × 0.1: 4 units; 1,000 / 100 resolves 10
    feed(flat(150, 40)); // 1,000 − 400 = 600 left: 600 / 150 = 4 units, the amount is spent
    feed(flat(150, 40)); // nothing left to fill
    const q = await venue.getOrder("q");
    expect([q.status, q.quantity, q.filledQuantity]).toEqual(["FILLED", 8, 8]);
    expect(q.fills.map((f) => [f.quantity, f.price])).toEqual([[4, 100], [4, 150]]);
    money(q.averageFillPrice, (400 + 600) / 8);
    money((await venue.getAccount()).balance, 1_500 - 1_000);
    const updates = events.filter((e) => e.type === "order" && e.order.clientOrderId === "q").map((e) => (e.type === "order" ? e.order.status : ""));
    expect(updates).toEqual(["ACCEPTED", "PARTIALLY_FILLED", "FILLED"]);
    feed({ open: 95, high: 95, low: 89, close: 90, volume: 1e6 });
    const lim = await venue.getOrder("lim");
    expect([lim.status, lim.filledQuantity]).toEqual(["FILLED", 4]);
    money((await venue.getAccount()).balance, 500 - 360);
  });

  test("a first bar without volume fills nothing and resolves nothing: the quote amount is sized at the bar that trades", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_500, ...SPREAD });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    feed(flat(100, 0));
    expect((await venue.getOrder("q")).quantity).toBe(0);
    // At 150: 1,000 / 150 = 6.666… → 6.666; 4 on this bar, 2.666 on the next.
    feed(flat(150, 40));
    feed(flat(150, 40));
    const q = await venue.getOrder("q");
    expect([q.status, q.quantity, q.filledQuantity]).toEqual(["FILLED", 6.666, 6.666]);
    money((await venue.getAccount()).balance, 1_500 - 6.666 * 150);
  });

  test("equityFraction 0.5 of 2,000 resolves to 1,000 at the first fill and keeps within it: 4 at 100, 4 at 150", async () => {
    const { venue, feed } = await harness({ initialCapital: 2_000, ...SPREAD });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 0.5, clientOrderId: "e" });
    feed(flat(100, 40)); // 1,000 / 100 = 10 resolved, 4 fill
    feed(flat(150, 40)); // 600 left: 4 at 150
    feed(flat(150, 40));
    const e = await venue.getOrder("e");
    expect([e.status, e.quantity, e.filledQuantity]).toEqual(["FILLED", 8, 8]);
    money((await venue.getAccount()).balance, 2_000 - 400 - 600);
  });

  test("an equity order's amount caps what it opens, not what it reduces: a SELL closing a long closes it as the price rises", async () => {
    // 1,000 buys 10 at 100 (cash 0). SELL equityFraction 0.6: 0.6 × (0 + 2 × 10 × 100) = 1,200 → 12, held to the long's 10,
    // all of it a reduction. 4 at 100, 4 at 200, 2 at 200: the long is closed whatever the price did.
    const { venue, feed } = await harness({ initialCapital: 1_000, ...SPREAD });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "long" });
    feed(flat(100, 1e9));
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 0.6, clientOrderId: "exit" });
    feed(flat(100, 40));
    feed(flat(200, 40));
    feed(flat(200, 40));
    const exit = await venue.getOrder("exit");
    expect([exit.status, exit.quantity, exit.fills.map((f) => [f.quantity, f.price])]).toEqual(["FILLED", 10, [[4, 100], [4, 200], [2, 200]]]);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
    money((await venue.getAccount()).balance, 400 + 800 + 400);
  });

  test("an equity reversal closes the long uncapped and opens the short within its share: 13 of 15 after the price rose", async () => {
    // Long 5 at 100 of 1,000 (cash 500). SELL equityFraction 1 at 100: 1 × (500 + 2 × 5 × 100) = 1,500 → 15, of which
    // 5 reduce and 1,500 − 5 × 100 = 1,000 may open. 4 at 100 (reduce); 4 at 120 (1 reduces, 3 open: 360);
    // 4 at 120 (open: 480, 840 used); 160 left buys 1 at 120 (960 used); 40 left buys none: FILLED 13, short 8.
    const { venue, feed } = await harness({ initialCapital: 1_000, allowShorting: true, maxVolumeShare: 0.1, defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 5, clientOrderId: "long" });
    feed(flat(100, 1e9));
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "rev" });
    for (const price of [100, 120, 120, 120, 120]) feed(flat(price, 40));
    const rev = await venue.getOrder("rev");
    expect([rev.status, rev.quantity, rev.fills.map((f) => [f.quantity, f.price])]).toEqual(["FILLED", 13, [[4, 100], [4, 120], [4, 120], [1, 120]]]);
    const position = await venue.getPosition("XYZ");
    expect([position?.side, position?.quantity]).toEqual(["SHORT", 8]);
    money((await venue.getAccount()).balance, 500 + 400 + 480 + 480 + 120);
  });

  test("when the rest buys no whole lot at a later bar's price, the order ends FILLED there without a fill", async () => {
    const { venue, feed, events } = await harness({ initialCapital: 2_000, maxVolumeShare: 0.1, defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    feed(flat(100, 90)); // 10 resolved, 9 fill (900)
    events.length = 0;
    feed(flat(1_000, 90)); // 100 left buys no unit at 1,000
    const q = await venue.getOrder("q");
    expect([q.status, q.quantity, q.filledQuantity, q.fills.length]).toEqual(["FILLED", 9, 9, 1]);
    expect(events.filter((e) => e.type === "fill")).toHaveLength(0);
    const update = events.find((e) => e.type === "order");
    expect(update?.type === "order" ? [update.order.status, update.order.quantity] : []).toEqual(["FILLED", 9]);
    money((await venue.getAccount()).balance, 2_000 - 900);
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("each fill releases from the quote order's reservation the cash it spent, so buying power stays put", async () => {
    // A quote BUY reserves its whole amount, 1,000 (9 units at the last price 100 would cost only 900.9 with the fee).
    const { venue, feed } = await harness({
      initialCapital: 2_000, maxVolumeShare: 0.1, defaultRules: { stepSize: 1 }, commission: { makerRate: 0.001, takerRate: 0.001 },
    });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    money((await venue.getAccount()).buyingPower, 2_000 - 1_000);
    // At 50: 4 units for 200 + 0.2. Cash 1,799.8, position 200, reserved 1,000 − 200.2 = 799.8: buying power
    // 1,799.8 + 200 − 200 − 799.8 = 1,000 as before (releasing 4 of 9 units judged at 100.1 each would show 1,200.2).
    feed(flat(50, 40));
    const account = await venue.getAccount();
    money(account.balance, 2_000 - 200.2);
    money(account.buyingPower, 2_000 - 1_000);
  });

  test("restored mid-way, a quote order keeps what its fills spent: 4 at 100 before the restart, 4 at 150 after", async () => {
    const config = { initialCapital: 1_500, commission: { makerRate: 0, takerRate: 0 }, ...SPREAD };
    const { venue, feed } = await harness(config);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    const openTime = feed(flat(100, 40));
    const working = await venue.getOrder("q");
    expect([working.status, working.quantity, working.filledQuantity]).toEqual(["PARTIALLY_FILLED", 10, 4]);
    const last: Bar = { symbol: "XYZ", interval: "1m", openTime, ...flat(100, 40) };

    const resumed = createPaperVenue(config);
    await resumed.connect();
    resumed.restore({ fills: working.fills, workingOrders: [working], lastBars: [last] });
    const next = openTime + 60_000;
    expect(next).toBe(START + 2 * 60_000);
    resumed.processBar({ symbol: "XYZ", interval: "1m", openTime: next, ...flat(150, 40) });
    const q = await resumed.getOrder("q");
    expect([q.status, q.quantity, q.filledQuantity]).toEqual(["FILLED", 8, 8]);
    money((await resumed.getAccount()).balance, 1_500 - 400 - 600);
  });
});

describe("a quote amount leaves room for the commission, as equity sizing does", () => {
  const FEE = { commission: { makerRate: 0.001, takerRate: 0.001 }, defaultRules: { stepSize: 0.001 } };

  test("quoteAmount equal to the cash is accepted and buys what it pays for with its fee: 9.99 at 100 for 999.999", async () => {
    // 1,000 / (100 × 1.001) = 9.99000999… → 9.99; 999 + 0.999 fee = 999.999 ≤ 1,000 (10 would need 1,001).
    const { venue, feed } = await harness({ initialCapital: 1_000, ...FEE });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    // The whole amount is reserved (9.99 at the last price 100 would cost 999.999 of it): nothing is left.
    money((await venue.getAccount()).buyingPower, 0);
    feed(100);
    const q = await venue.getOrder("q");
    expect([q.status, q.quantity]).toEqual(["FILLED", 9.99]);
    money(q.fills[0]!.fee, 0.999);
    money((await venue.getAccount()).balance, 1_000 - 999.999);
  });

  test("with cash to spare the order still spends at most its quote amount, fee included: 9.69 at 103 (step 0.01)", async () => {
    // 1,000 / (103 × 1.001) = 9.6988… → 9.69: 998.07 + 0.99807 = 999.06807; 9.70 would cost 999.1 + 0.9991 = 1,000.0991.
    const { venue, feed } = await harness({ initialCapital: 10_000, ...FEE, defaultRules: { stepSize: 0.01 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    feed(103);
    expect((await venue.getOrder("q")).quantity).toBe(9.69);
    money((await venue.getAccount()).balance, 10_000 - 998.07 - 0.99807);
  });

  test("a quote SELL sells amount ÷ price, its fee paid from what it receives (Binance's quoteOrderQty SELL): a long of 10 closes whole", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, ...FEE, defaultRules: { stepSize: 0.01 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "b" });
    feed(100); // 10 at 100: 1,000 + 1 fee
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quoteAmount: 1_000, clientOrderId: "s" });
    feed(100); // 1,000 / 100 = 10: receives 1,000, pays 1 fee
    const s = await venue.getOrder("s");
    expect([s.status, s.quantity]).toEqual(["FILLED", 10]);
    expect(await venue.getPositions()).toEqual([]);
    money((await venue.getAccount()).balance, 10_000 - 1_001 + 1_000 - 1);
  });

  test("spread over bars, a quote SELL receives at most its amount: 4 at 100, then 4 at 150 (600 left sells 4)", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, ...FEE, maxVolumeShare: 0.1, allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quoteAmount: 1_000, clientOrderId: "s" });
    feed(flat(100, 40)); // 1,000 / 100 = 10 resolved, 4 fill (400)
    feed(flat(150, 40)); // 600 left: 600 / 150 = 4
    feed(flat(150, 40));
    const s = await venue.getOrder("s");
    expect([s.status, s.quantity, s.filledQuantity]).toEqual(["FILLED", 8, 8]);
    expect(s.fills.map((f) => [f.quantity, f.price])).toEqual([[4, 100], [4, 150]]);
  });
});

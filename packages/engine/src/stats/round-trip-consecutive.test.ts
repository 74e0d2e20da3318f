// Fills of one order merge only while they are consecutive fills of the symbol (docs/statistics.md, "Counting trades"):
// another order's fill in between may change the lot (a scale-in moves its entry price), and a trade merged across it
// would show one entry price while its PnL was counted against another. Expectations are worked out by hand in the
// comments; the property test checks each trade against the doc's own formulas and the whole against the cash flows.
import { describe, expect, test } from "bun:test";
import { RoundTripBuilder } from "./round-trip-builder.ts";
import { prng } from "../test-fixtures/bars.ts";

const row = (b: RoundTripBuilder) => b.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.entryTime, t.exitTime]);

describe("only consecutive fills of one order merge", () => {
  test("an exit order filling around a scale-in of the lot it closes gives two trades, each true to its own prices", () => {
    // The hunt's backtest: BUY 30 (A) and SELL 20 (B), both filling 10 a bar.
    const b = new RoundTripBuilder();
    b.add("BUY", 10, 100, 0, 1, "A");
    b.add("BUY", 10, 120, 0, 2, "A"); // consecutive: one lot of 20 at (1,000 + 1,200) / 20 = 110
    b.add("SELL", 10, 120, 0, 2, "B"); // closes 10 of it: 10 × (120 − 110) = +100
    b.add("BUY", 10, 95, 0, 3, "A"); // B came between: not A's lot any more, a new one of 10 at 95
    b.add("SELL", 10, 95, 0, 3, "B"); // A came between: a new exit, FIFO from the lot at 110: 10 × (95 − 110) = −150
    expect(row(b)).toEqual([
      [10, 110, 120, 1, 2],
      [10, 110, 95, 1, 3],
    ]);
    expect(b.trades.map((t) => t.pnl)).toEqual([100, -150]);
    // returnPct = (exit / entry − 1) × 100: 10 / 110 and −15 / 110.
    expect(b.trades[0]!.returnPct).toBeCloseTo((10 / 110) * 100, 12);
    expect(b.trades[1]!.returnPct).toBeCloseTo((-15 / 110) * 100, 12);
    expect(b.openLots()).toEqual([{ size: 10, entryPrice: 95, entryTime: 3, entryFee: 0, orderId: "A" }]);
  });

  test("an exit order interrupted by another order's buy (its own lot) gives one trade per run of fills", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 10, 100, 0, 1, "A");
    b.add("SELL", 5, 110, 0, 2, "B"); // 5 of A's lot: +50
    b.add("BUY", 5, 120, 0, 3, "C"); // a lot of its own
    b.add("SELL", 5, 105, 0, 4, "B"); // C came between: a second trade, the rest of A's lot: +25
    expect(row(b)).toEqual([
      [5, 100, 110, 1, 2],
      [5, 100, 105, 1, 4],
    ]);
    expect(b.trades.map((t) => t.pnl)).toEqual([50, 25]);
    expect(b.openLots().map((l) => [l.size, l.entryPrice, l.orderId])).toEqual([[5, 120, "C"]]);
  });

  test("consecutive fills still merge: an entry into one lot, an exit into one trade", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 4, 10, 0.4, 1, "A");
    b.add("BUY", 6, 15, 0.6, 2, "A"); // one lot of 10 at (40 + 90) / 10 = 13, fee 1
    b.add("SELL", 5, 20, 0.5, 3, "B");
    b.add("SELL", 5, 16, 0.5, 4, "B"); // one exit of 10 at (100 + 80) / 10 = 18
    expect(row(b)).toEqual([[10, 13, 18, 1, 4]]);
    // 10 × (18 − 13) − (1 + 1) = 48.
    expect(b.trades[0]!.pnl).toBeCloseTo(48, 12);
  });
});

interface Order {
  id: string;
  side: "BUY" | "SELL";
}

test("random fill sequences: every trade obeys pnl = size × (exit − entry) − fees, and the PnLs add up to the cash made", () => {
  const closeFee = (quantity: number, price: number) => quantity * price * 0.001;
  for (let seed = 1; seed <= 400; seed++) {
    const next = prng(seed);
    const b = new RoundTripBuilder();
    // Two to four orders working at once, each of one side, filling in pieces in any interleaving: scale-ins between
    // the pieces of an exit, exits between the pieces of an entry, reversals.
    const working: Order[] = [];
    let orders = 0;
    const newOrder = (): Order => ({ id: `o${orders++}`, side: next() < 0.5 ? "BUY" : "SELL" });
    const count = 2 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) working.push(newOrder());
    let cash = 0;
    let position = 0;
    let time = 0;
    const fills = 5 + Math.floor(next() * 30);
    for (let i = 0; i < fills; i++) {
      const slot = Math.floor(next() * working.length);
      const order = working[slot]!;
      const quantity = 1 + Math.floor(next() * 10);
      const price = Math.round((50 + next() * 100) * 100) / 100;
      const fee = Math.round((next() - 0.1) * 100) / 100; // now and then a rebate
      time += Math.floor(next() * 2);
      b.add(order.side, quantity, price, fee, time, order.id);
      const direction = order.side === "BUY" ? 1 : -1;
      cash -= direction * quantity * price + fee;
      position += direction * quantity;
      if (next() < 0.2) working[slot] = newOrder();
    }
    const last = Math.round((50 + next() * 100) * 100) / 100;
    b.closeAll({ time: time + 1, price: last, fee: closeFee });
    // Flat at the end, so all that was made is realised: the cash flows, the final close included.
    const realised = cash + position * last - closeFee(Math.abs(position), last);
    let sum = 0;
    for (const t of b.trades) {
      const scale = Math.abs(t.size) * t.entryPrice;
      const direction = Math.sign(t.size);
      const pnl = Math.abs(t.size) * (t.exitPrice - t.entryPrice) * direction - t.fees;
      if (Math.abs(t.pnl - pnl) > 1e-9 * scale) throw new Error(`seed ${seed}: pnl ${t.pnl} of ${JSON.stringify(t)}, its prices give ${pnl}`);
      const returnPct = (direction * (t.exitPrice / t.entryPrice - 1) - t.fees / scale) * 100;
      if (Math.abs(t.returnPct - returnPct) > 1e-9) throw new Error(`seed ${seed}: returnPct ${t.returnPct} of ${JSON.stringify(t)}, its prices give ${returnPct}`);
      sum += t.pnl;
    }
    expect(b.openLots()).toEqual([]);
    if (Math.abs(sum - realised) > 1e-9 * Math.max(1, Math.abs(realised), fills * 1_500)) {
      throw new Error(`seed ${seed}: trades add up to ${sum}, the cash flows to ${realised}`);
    }
  }
});

// Trade and lot sizes carry the decimals the trader asked for, not the float residue of subtracting them
// (0.3 − 0.1 − 0.1 is 0.09999999999999998 in doubles). Expected sizes are the decimals themselves.
import { describe, expect, test } from "bun:test";
import { RoundTripBuilder } from "./round-trip-builder.ts";

describe("RoundTripBuilder and float noise in sizes", () => {
  test("buy 0.3, sell 0.1 three times: three trades of exactly 0.1, nothing left open, the entry fee split in thirds", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 0.3, 100, 0.03, 1, "in");
    b.add("SELL", 0.1, 110, 0, 2, "s1");
    b.add("SELL", 0.1, 120, 0, 3, "s2");
    b.add("SELL", 0.1, 110, 0, 4, "s3");
    expect(b.trades.map((t) => t.size)).toEqual([0.1, 0.1, 0.1]);
    expect(b.openLots()).toEqual([]);
    // Each third of the lot carries a third of the 0.03 entry fee.
    for (const t of b.trades) expect(t.fees).toBeCloseTo(0.01, 15);
    // The last trade: 0.1 · (110 − 100) − 0.01 = 0.99.
    expect(b.trades[2]!.pnl).toBeCloseTo(0.99, 12);
  });

  test("a sell of 0.3 against lots of 0.1 and 0.2: trades of exactly 0.1 and 0.2", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 0.1, 100, 0, 1, "a");
    b.add("BUY", 0.2, 100, 0, 2, "b");
    b.add("SELL", 0.3, 110, 0, 3, "out");
    expect(b.trades.map((t) => t.size)).toEqual([0.1, 0.2]);
    expect(b.openLots()).toEqual([]);
  });

  test("buy 1, sell 0.95: the open lot is exactly 0.05", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 1, 100, 0, 1, "in");
    b.add("SELL", 0.95, 110, 0, 2, "out");
    expect(b.trades.map((t) => t.size)).toEqual([0.95]);
    expect(b.openLots().map((lot) => lot.size)).toEqual([0.05]);
  });

  test("two fills of one order, 0.1 and 0.2, make one lot of exactly 0.3, closed by a sell of 0.3 in one trade", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 0.1, 100, 0, 1, "in");
    b.add("BUY", 0.2, 100, 0, 2, "in");
    expect(b.openLots().map((lot) => lot.size)).toEqual([0.3]);
    b.add("SELL", 0.3, 110, 0, 3, "out");
    expect(b.trades.map((t) => t.size)).toEqual([0.3]);
  });

  test("a short of 0.3 covered 0.1 at a time: sizes exactly −0.1", () => {
    const b = new RoundTripBuilder();
    b.add("SELL", 0.3, 100, 0, 1, "in");
    for (let i = 0; i < 3; i++) b.add("BUY", 0.1, 90, 0, 2 + i, `c${i}`);
    expect(b.trades.map((t) => t.size)).toEqual([-0.1, -0.1, -0.1]);
    expect(b.openLots()).toEqual([]);
  });

  test("a close of the whole lot carrying the venue's float residue shows the lot's size", () => {
    // Found by a fuzz: 28.261 − 8.379 left the venue's position at 19.881999999999998; the end-of-run close sold that.
    const b = new RoundTripBuilder();
    b.add("BUY", 28.261, 95.6, 0, 1, "in");
    b.add("SELL", 8.379, 102.96, 0, 2, "part");
    b.add("SELL", 28.261 - 8.379, 102.96, 0, 3, "end");
    expect(b.trades.map((t) => t.size)).toEqual([8.379, 19.882]);
    // (102.96 − 95.6) × 19.882, the closed size the trade shows.
    expect(b.trades[1]!.pnl).toBeCloseTo(7.36 * 19.882, 9);
    expect(b.openLots()).toEqual([]);
  });
});


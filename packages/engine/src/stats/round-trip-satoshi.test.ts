// Lots of one satoshi (1e-8 BTC) beside positions of 100 BTC are real lots, not float noise: the trades list must show
// what the venue holds. Expected sizes are the decimals the fills carry; PnL is size × (exit − entry), by hand.
import { describe, expect, test } from "bun:test";
import { RoundTripBuilder } from "./round-trip-builder.ts";

describe("RoundTripBuilder with satoshi lots", () => {
  test("buy 100 and 0.00000005 (two orders), one sell of 100.00000005: two trades, nothing left open", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 100, 65_000, 0, 1, "a");
    b.add("BUY", 0.00000005, 65_000, 0, 2, "b");
    b.add("SELL", 100.00000005, 66_000, 0, 3, "close");
    expect(b.trades.map((t) => t.size)).toEqual([100, 0.00000005]);
    // 100 × 1,000 and 5e-8 × 1,000.
    expect(b.trades[0]!.pnl).toBeCloseTo(100_000, 6);
    expect(b.trades[1]!.pnl).toBeCloseTo(0.00005, 15);
    expect(b.openLots()).toEqual([]);
  });

  test("buy 100.00000005, sell 100: a trade of 100 and an open lot of 0.00000005, as the venue holds", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 100.00000005, 65_000, 0, 1, "a");
    b.add("SELL", 100, 66_000, 0, 2, "c");
    expect(b.trades.map((t) => t.size)).toEqual([100]);
    expect(b.trades[0]!.pnl).toBeCloseTo(100_000, 6);
    expect(b.openLots().map((lot) => lot.size)).toEqual([0.00000005]);
  });

  test("shorts of 16.36335391, 0.00000001 and 0.00000003 covered by one buy of their sum: three exact trades", () => {
    const b = new RoundTripBuilder();
    b.add("SELL", 16.36335391, 30_000, 0, 1, "s1");
    b.add("SELL", 0.00000001, 30_000, 0, 2, "s2");
    b.add("SELL", 0.00000003, 30_000, 0, 3, "s3");
    b.add("BUY", 16.36335395, 29_000, 0, 4, "cover");
    expect(b.trades.map((t) => t.size)).toEqual([-16.36335391, -0.00000001, -0.00000003]);
    expect(b.openLots()).toEqual([]);
  });

  test("float residue of a venue's position still closes a lot whole (no phantom lot of 1e-15)", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 0.1, 100, 0, 1, "a");
    b.add("BUY", 0.7, 100, 0, 2, "b");
    // What a venue summing floats holds and sells: 0.1 + 0.7 = 0.7999999999999999.
    b.add("SELL", 0.1 + 0.7, 110, 0, 3, "out");
    expect(b.trades.map((t) => t.size)).toEqual([0.1, 0.7]);
    expect(b.openLots()).toEqual([]);
  });

  test("a satoshi left beside 9,999.x BTC is a lot too (the float difference's own error sat at the bound; docs hunt)", () => {
    // 9,999.12345678 less 9,999.12345677 leaves 1e-8: above the bound 1e-12 × 9,999.12 = 9.99912e-9, by the decimals.
    for (const [lot, sold] of [[9999.12345678, 9999.12345677], [9999.99999999, 9999.99999998], [5000.00000001, 5000]] as const) {
      const b = new RoundTripBuilder();
      b.add("BUY", lot, 60_000, 0, 1, "in");
      b.add("SELL", sold, 61_000, 0, 2, "out");
      expect(b.openLots().map((l) => l.size)).toEqual([0.00000001]);
      expect(b.trades.map((t) => t.size)).toEqual([sold]);
    }
  });
});

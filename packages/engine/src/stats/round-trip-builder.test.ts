import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { RoundTripBuilder } from "./round-trip-builder.ts";

const TRADE_KEYS = ["size", "entryTime", "exitTime", "entryPrice", "exitPrice", "pnl", "returnPct", "fees", "duration"];

describe("RoundTripBuilder", () => {
  test("takes fills one at a time: a long, reversed by one order into a short, closed at the end", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 10, 100, 1, 1, "o1");
    b.add("SELL", 15, 110, 1.5, 2, "o2"); // closes 10 (fee 1.0), opens 5 short (fee 0.5)
    b.closeAll({ time: 3, price: 100, fee: (q, p) => q * p * 0.001 }); // the short's exit fee 0.5
    expect(b.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.entryTime, t.exitTime])).toEqual([
      [10, 100, 110, 1, 2],
      [-5, 110, 100, 2, 3],
    ]);
    expect(b.trades[0]!.pnl).toBeCloseTo(100 - 2, 12);
    expect(b.trades[1]!.pnl).toBeCloseTo(50 - 1, 12);
    expect(b.trades[1]!.returnPct).toBeCloseTo((10 / 110 - 1 / 550) * 100, 12);
    expect(b.openLots()).toEqual([]);
  });

  test("merged and single exits carry the same fields in the same order", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 4, 10, 0, 1, "in");
    b.add("SELL", 1, 12, 0, 2, "out");
    b.add("SELL", 3, 16, 0, 3, "out"); // same order, same lot: one trade, exit price (12 + 48) / 4
    b.add("BUY", 2, 10, 0, 4);
    b.add("SELL", 2, 11, 0, 5);
    expect(b.trades.length).toBe(2);
    expect(b.trades[0]!.exitPrice).toBe(15);
    expect(b.trades[0]!.exitTime).toBe(3);
    for (const t of b.trades) expect(Object.keys(t)).toEqual(TRADE_KEYS);
  });

  test("open lots are copies, with an order id only where the fill had one", () => {
    const b = new RoundTripBuilder();
    b.add("BUY", 2, 10, 0.2, 1, "a");
    b.add("SELL", 1, 9, 0, 2, "b"); // closes 1 of the 2 bought
    b.add("BUY", 3, 11, 0, 3);
    const open = b.openLots();
    expect(open).toEqual([
      { size: 1, entryPrice: 10, entryTime: 1, entryFee: 0.1, orderId: "a" },
      { size: 3, entryPrice: 11, entryTime: 3, entryFee: 0 },
    ]);
    expect("orderId" in open[1]!).toBe(false);
    open[0]!.size = 99;
    expect(b.openLots()[0]!.size).toBe(1);
  });

  test("a bad fill is named by its place among this builder's fills", () => {
    const a = new RoundTripBuilder();
    const other = new RoundTripBuilder();
    a.add("BUY", 1, 10, 0, 1);
    other.add("BUY", 1, 10, 0, 1);
    a.add("SELL", 1, 10, 0, 2);
    try {
      other.add("SELL", 1, Number.NaN, 0, 2);
      throw new Error("no error");
    } catch (error) {
      expect(isArgoError(error, "INVALID_DATA")).toBe(true);
      expect((error as Error).message).toBe("fills[1].price must be a positive number");
    }
    expect(() => a.add("SELL", 1, 10, 0, 1)).toThrow("fills[2].time is before the previous fill's time");
    expect(() => a.add("HOLD" as "BUY", 1, 10, 0, 3)).toThrow("fills[3].side must be BUY or SELL");
  });
});

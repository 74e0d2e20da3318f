import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { buildRoundTrips, type RoundTripFill } from "./build-round-trips.ts";
import { computeTradeStatistics } from "./trade-statistics.ts";

const fill = (side: "BUY" | "SELL", quantity: number, price: number, fee: number, time: number, orderId?: string): RoundTripFill =>
  ({ side, quantity, price, fee, time, ...(orderId ? { orderId } : {}) });

describe("buildRoundTrips", () => {
  // Buy 10 @ 100 (fee 1); sell 4 @ 110 (fee 0.44): partial close; sell 10 @ 90 (fee 0.9): closes 6,
  // opens short 4; buy 4 @ 80 (fee 0.32): closes the short.
  const { trades, open } = buildRoundTrips([
    fill("BUY", 10, 100, 1, 1), fill("SELL", 4, 110, 0.44, 2), fill("SELL", 10, 90, 0.9, 3), fill("BUY", 4, 80, 0.32, 4),
  ]);

  test("a partial close splits the trade and a reversal closes one trade and opens another", () => {
    expect(open).toEqual([]);
    expect(trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.entryTime, t.exitTime])).toEqual([
      [4, 100, 110, 1, 2], [6, 100, 90, 1, 3], [-4, 90, 80, 3, 4],
    ]);
  });

  test("commissions are charged at entry and at exit, shared pro rata by quantity", () => {
    // Trade 1: 4/10 of the entry fee (0.4) + exit fee 0.44; trade 2: 0.6 + 6/10 of 0.9; trade 3: 4/10 of 0.9 + 0.32.
    expect(trades[0]!.fees).toBeCloseTo(0.84, 12);
    expect(trades[1]!.fees).toBeCloseTo(1.14, 12);
    expect(trades[2]!.fees).toBeCloseTo(0.68, 12);
    expect(computeTradeStatistics(trades).commissions).toBeCloseTo(2.66, 12);
  });

  test("PnL and return are net of both fees", () => {
    expect(trades[0]!.pnl).toBeCloseTo(40 - 0.84, 12);
    expect(trades[0]!.returnPct).toBeCloseTo(10 - (0.84 / 400) * 100, 12);
    expect(trades[1]!.pnl).toBeCloseTo(-60 - 1.14, 12);
    expect(trades[1]!.returnPct).toBeCloseTo(-10 - (1.14 / 600) * 100, 12);
    expect(trades[2]!.pnl).toBeCloseTo(40 - 0.68, 12);
    expect(trades[2]!.returnPct).toBeCloseTo((10 / 90 - 0.68 / 360) * 100, 12);
    expect(trades[2]!.duration).toBe(1);
  });

  test("each opening order is its own trade and closes go first in, first out", () => {
    const r = buildRoundTrips([fill("BUY", 2, 10, 0, 1), fill("BUY", 3, 12, 0, 2), fill("SELL", 4, 15, 0, 3)]);
    expect(r.trades.map((t) => [t.size, t.entryPrice])).toEqual([[2, 10], [2, 12]]);
    expect(r.open).toEqual([{ size: 1, entryPrice: 12, entryTime: 2, entryFee: 0 }]);
  });

  test("fills of one order merge into one trade (volume-weighted prices)", () => {
    const r = buildRoundTrips([
      fill("BUY", 1, 10, 0.1, 1, "a"), fill("BUY", 3, 14, 0.3, 2, "a"), fill("SELL", 2, 20, 0.2, 3, "b"), fill("SELL", 2, 16, 0.2, 4, "b"),
    ]);
    expect(r.trades.length).toBe(1);
    const t = r.trades[0]!;
    expect(t.size).toBe(4);
    expect(t.entryPrice).toBeCloseTo(13, 12);
    expect(t.exitPrice).toBeCloseTo(18, 12);
    expect(t.entryTime).toBe(1);
    expect(t.exitTime).toBe(4);
    expect(t.fees).toBeCloseTo(0.8, 12);
    expect(t.pnl).toBeCloseTo(4 * 5 - 0.8, 12);
  });

  test("open trades are closed at the given last price when asked, with the given fee", () => {
    const r = buildRoundTrips([fill("SELL", 5, 50, 0, 1)], { time: 9, price: 40, fee: (q, p) => q * p * 0.01 });
    expect(r.open).toEqual([]);
    expect(r.trades[0]).toMatchObject({ size: -5, exitPrice: 40, exitTime: 9 });
    expect(r.trades[0]!.pnl).toBeCloseTo(50 - 2, 12);
  });

  test("bad fills are rejected naming the fill and field", () => {
    for (const [bad, field] of [
      [fill("BUY", 0, 10, 0, 1), "fills[0].quantity"],
      [fill("BUY", 1, -1, 0, 1), "fills[0].price"],
      [fill("BUY", 1, 10, Number.NaN, 1), "fills[0].fee"],
    ] as const) {
      expect(() => buildRoundTrips([bad])).toThrow(field);
    }
    try {
      buildRoundTrips([fill("BUY", 1, 10, 0, 5), fill("SELL", 1, 10, 0, 4)]);
      throw new Error("no error");
    } catch (error) {
      expect(isArgoError(error, "INVALID_DATA")).toBe(true);
      expect((error as Error).message).toContain("fills[1].time");
    }
  });
});

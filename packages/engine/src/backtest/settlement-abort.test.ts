// The final broker pass with commission and venue latency, and a backtest stopped by its signal.
import { describe, expect, test } from "bun:test";
import { backtest, bars, DAY, onBarAt, T0 } from "./backtest.test-helper.ts";

const rows = bars("XYZ", [[100, 100, 100, 100], [102, 105, 101, 104], [104, 106, 103, 105], [101, 102, 99, 100]]);
const buyTenFirst = onBarAt((i, _bar, ctx) => (i === 0 ? ctx.placeOrder({ side: "BUY", quantity: 10 }) : undefined));
// One hour of latency on daily bars: an order placed at a close arrives inside the next bar and trades at its close,
// recorded on that bar's last millisecond (d1's, T0 + 2 days − 1 ms), not at d2's open, where a fill at d2's open is.
const SLOW = { latencyMs: 3_600_000, commission: { makerRate: 0.001, takerRate: 0.001 } };

describe("closeAtEnd with commission and latency (the final pass runs through the venue)", () => {
  test('"last-open": entry at d1\'s close 104 (latency), exit at d3\'s open 101, fees 1.04 and 1.01', async () => {
    const result = await backtest(rows, buyTenFirst, { venue: SLOW });
    expect(result.fills.map((f) => [f.side, f.price, f.time])).toEqual([["BUY", 104, T0 + 2 * DAY - 1], ["SELL", 101, T0 + 3 * DAY]]);
    expect(result.fills.map((f) => f.fee)).toEqual([10 * 104 * 0.001, 10 * 101 * 0.001]);
    expect(result.trades[0]!.pnl).toBeCloseTo(-30 - 1.04 - 1.01, 12);
    expect(result.finalEquity).toBeCloseTo(10_000 - 30 - 1.04 - 1.01, 9);
    expect(result.positions).toEqual([]);
  });

  test('"last-close": exit at d3\'s close 100, fee 1.00', async () => {
    const result = await backtest(rows, buyTenFirst, { venue: SLOW, engine: { closeAtEnd: "last-close" } });
    expect(result.trades.map((t) => [t.exitPrice, t.exitTime, t.fees])).toEqual([[100, T0 + 3 * DAY, 1.04 + 1]]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 40 - 2.04, 9);
  });

  test("false: the position stays open, marked at the last close, and is reported as an open trade", async () => {
    const result = await backtest(rows, buyTenFirst, { venue: SLOW, engine: { closeAtEnd: false } });
    expect(result.trades).toEqual([]);
    expect(result.openTrades.map((t) => [t.symbol, t.size, t.entryPrice, t.entryTime])).toEqual([["XYZ", 10, 104, T0 + 2 * DAY - 1]]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 40 - 1.04, 9);
    expect(result.statistics.exposureTimePct).toBe(0); // no closed trade to count
  });

  test("the final pass reaches callbacks like any fill: onOrderFilled sees the closing fill", async () => {
    const filled: string[] = [];
    await backtest(rows, buyTenFirst, { callbacks: { onOrderFilled: (fill, order) => void filled.push(`${fill.side} ${order.reason ?? ""}`) } });
    expect(filled).toEqual(["BUY ", "SELL close at end (last-open)"]);
  });
});

describe("aborting a backtest", () => {
  test("stops after the bar being processed: status aborted, statistics over the bars seen, nothing closed", async () => {
    const many = bars("XYZ", Array.from({ length: 200 }, (_, i) => [100 + i, 101 + i, 99 + i, 100 + i] as const));
    const controller = new AbortController();
    let seen = 0;
    const result = await backtest(many, buyTenFirst, {
      signal: controller.signal,
      callbacks: { onMarketData: () => void (++seen === 50 && controller.abort(new Error("enough"))) },
    });
    expect(result.status).toBe("aborted");
    expect((result.abortReason as Error).message).toBe("enough");
    expect(result.bars).toBe(50);
    expect(result.equity.times.length).toBe(50);
    expect(result.openTrades.map((t) => [t.size, t.entryPrice])).toEqual([[10, 101]]);
    // Long 10 from 101, marked at bar 49's close 149.
    expect(result.finalEquity).toBeCloseTo(10_000 + 10 * (149 - 101), 9);
  });
});

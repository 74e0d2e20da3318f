// backtestWarnings for the engine's own closes, from facts given directly: a position left open (all or part), a close
// split into smaller orders, and the out-of-money sentences, which must never claim a close that did not happen.
import { describe, expect, test } from "bun:test";
import { backtestWarnings, type WarningFacts } from "./backtest-warnings.ts";
import type { SettlementClose } from "./settlement-close.ts";

const T = Date.UTC(2024, 0, 4);
const BASE: WarningFacts = {
  warmupBars: 0, warmupFromIndicators: false, benchmarkSymbol: "X", benchmarkBars: 5, firstTime: T - 3 * 86_400_000, lastTime: T,
  closeAtEnd: "last-open", cancelledAtEnd: [], openOrders: [],
};
const refusedAll: SettlementClose = {
  symbol: "Y", side: "SHORT", quantity: 3, ids: [], refusals: 4, firstRefusal: "no",
  leftOpen: { quantity: 3, reason: "the venue refused the order (no)" },
};
const split: SettlementClose = { symbol: "X", side: "LONG", quantity: 30, ids: ["c1", "c2", "c3"], refusals: 2, piece: 10, firstRefusal: "too big" };

describe("warnings about the engine's closes", () => {
  test("a close refused whole and in every piece: could not close, with the reason; no split sentence", () => {
    expect(backtestWarnings({ ...BASE, closesAtEnd: [refusedAll] })).toEqual([
      'closeAtEnd "last-open" could not close SHORT 3 Y: the venue refused the order (no); it stays open, marked at the last close (openTrades lists it)',
    ]);
  });

  test("a position with no bar to close at is named with that reason", () => {
    const noBar: SettlementClose = { symbol: "Z", side: "LONG", quantity: 1, ids: [], refusals: 0, leftOpen: { quantity: 1, reason: "no bar of it was replayed" } };
    expect(backtestWarnings({ ...BASE, closesAtEnd: [noBar] })[0]).toBe(
      'closeAtEnd "last-open" could not close LONG 1 Z: no bar of it was replayed; it stays open, marked at the last close (openTrades lists it)',
    );
  });

  test("a split close counts its refusals (plural) and the size of its orders", () => {
    expect(backtestWarnings({ ...BASE, closesAtEnd: [split] })).toEqual([
      'closeAtEnd "last-open" closed LONG 30 X in 3 orders of at most 10: the venue refused it in one (too big); those 2 refusals are counted in ordersRejected',
    ]);
  });

  test("out of money at the end with a position left: the final pass closed what it could, and the position has its own warning", () => {
    const warnings = backtestWarnings({ ...BASE, closesAtEnd: [refusedAll], outOfMoney: { time: T, equity: -5 }, outOfMoneyAtEnd: true });
    expect(warnings[0]).toBe(
      'out of money at the end: the final pass (closeAtEnd "last-open") closed what it could at the bar at 2024-01-04T00:00:00.000Z ' +
        "and left the equity at -5.00, counted as 0",
    );
    expect(warnings[1]).toContain("could not close SHORT 3 Y");
  });

  test("out of money on a bar with one position left and one split: the sentence names what is still held; the split has its sentence", () => {
    const warnings = backtestWarnings({ ...BASE, closesOutOfMoney: [split, refusedAll], outOfMoney: { time: T, equity: -5 } });
    expect(warnings).toEqual([
      "out of money at the bar at 2024-01-04T00:00:00.000Z: the equity at its close was -5.00, so every position was closed at that close except: " +
        "could not close SHORT 3 Y: the venue refused the order (no) (still held at the venue); trading stopped there and the equity is 0 from that bar to the end",
      "the close when out of money closed LONG 30 X in 3 orders of at most 10: the venue refused it in one (too big); those 2 refusals are counted in ordersRejected",
    ]);
  });

  test("an equity under 1 in the out-of-money sentence keeps its digits (a BTC account): -0.00042, not -0.00", () => {
    expect(backtestWarnings({ ...BASE, outOfMoney: { time: T, equity: -0.00042 } })[0]).toContain("the equity at its close was -0.00042,");
  });
});

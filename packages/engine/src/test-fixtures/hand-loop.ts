import type { RoundTripFill } from "../stats/build-round-trips.ts";
import { pythonFloorDiv } from "./python-floor-div.ts";
import type { ClosedTrade } from "../stats/types.ts";

/** One OHLC bar of the hand loop (a `Bar` is one, so the benchmark runs both over the same objects); open time in epoch ms. */
export interface HandLoopBar {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** Parameters of the reference SMA-cross loop. */
export interface SmaCrossLoopOptions {
  fast?: number;
  slow?: number;
  cash?: number;
  /** Commission as a fraction of the traded value, charged at entry and at exit. Default 0. */
  commission?: number;
  /** Close what is open after the last bar (backtesting.py's `finalize_trades=True`). Default true. */
  finalizeTrades?: boolean;
}

/** What the loop produced: the equity curve, every fill and the trades its broker recorded itself. */
export interface SmaCrossLoopResult {
  times: number[];
  equity: number[];
  closes: number[];
  fills: RoundTripFill[];
  trades: ClosedTrade[];
  /** Bars before both averages exist; buy & hold starts here. */
  warmupBars: number;
}

interface Lot { size: number; entryPrice: number; entryBar: number }
type Order = { kind: "close"; lot: Lot } | { kind: "entry"; direction: 1 | -1 };

// backtesting.py's "all in" order size: a hair under 100 % of available margin.
const FULL_EQUITY = 1 - Number.EPSILON;

/** Simple moving average over `n` closes, NaN until `n` closes exist (pandas `rolling(n).mean()`). */
export function simpleMovingAverage(values: readonly number[], n: number): number[] {
  return values.map((_, i) => {
    if (i < n - 1) return Number.NaN;
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += values[j]!;
    return sum / n;
  });
}

/**
 * A hand-written SMA-cross backtest mirroring backtesting.py 0.6.6's broker: on a cross the strategy
 * closes its position and goes all in the other way with orders that fill at the next bar's open,
 * sized floor(cash / price) after the close; it starts once both averages exist; with finalizeTrades
 * it closes the open trade in one last broker pass over the last bar (at that bar's open, as
 * backtesting.py does). When equity falls to 0 or below it closes everything at that bar's close and
 * stops with equity 0 from there. The reference the statistics and the engine are checked against: test and
 * benchmark code only, not part of the published package.
 */
export function runSmaCrossHandLoop(bars: readonly HandLoopBar[], options: SmaCrossLoopOptions = {}): SmaCrossLoopResult {
  const { fast = 10, slow = 30, cash: startCash = 10_000, commission = 0, finalizeTrades = true } = options;
  const closes = bars.map((b) => b.close);
  const sma1 = simpleMovingAverage(closes, fast);
  const sma2 = simpleMovingAverage(closes, slow);
  const warmupBars = Math.max(fast, slow) - 1;
  const equity = new Array<number>(bars.length).fill(Number.NaN);
  const fills: RoundTripFill[] = [];
  const trades: ClosedTrade[] = [];
  let lots: Lot[] = [];
  let orders: Order[] = [];
  let cash = startCash;
  const fee = (quantity: number, price: number) => Math.abs(quantity) * price * commission;

  const closeLot = (lot: Lot, i: number, price: number) => {
    const time = bars[i]!.openTime;
    const exitFee = fee(lot.size, price);
    const fees = exitFee + fee(lot.size, lot.entryPrice);
    cash += lot.size * (price - lot.entryPrice) - exitFee;
    lots = lots.filter((l) => l !== lot);
    fills.push({ side: lot.size > 0 ? "SELL" : "BUY", quantity: Math.abs(lot.size), price, fee: exitFee, time });
    trades.push({
      size: lot.size, entryTime: bars[lot.entryBar]!.openTime, exitTime: time, entryPrice: lot.entryPrice, exitPrice: price,
      pnl: lot.size * (price - lot.entryPrice) - fees,
      returnPct: (Math.sign(lot.size) * (price / lot.entryPrice - 1) - fees / (Math.abs(lot.size) * lot.entryPrice)) * 100,
      fees, duration: time - bars[lot.entryBar]!.openTime,
    });
  };

  /** One broker step over bar i; false when the account ran out of money. */
  const brokerPass = (i: number): boolean => {
    const { open, openTime: time } = bars[i]!;
    for (const order of orders) {
      if (order.kind === "close") {
        if (lots.includes(order.lot)) closeLot(order.lot, i, open);
        continue;
      }
      const marked = cash + lots.reduce((sum, l) => sum + l.size * (bars[i]!.close - l.entryPrice), 0);
      const used = lots.reduce((sum, l) => sum + Math.abs(l.size) * bars[i]!.close, 0);
      const quantity = pythonFloorDiv(Math.max(0, marked - used) * FULL_EQUITY, open * (1 + commission));
      if (quantity <= 0) continue;
      const size = order.direction * quantity;
      lots.push({ size, entryPrice: open, entryBar: i });
      cash -= fee(size, open);
      fills.push({ side: size > 0 ? "BUY" : "SELL", quantity, price: open, fee: fee(size, open), time });
    }
    orders = [];
    equity[i] = cash + lots.reduce((sum, l) => sum + l.size * (bars[i]!.close - l.entryPrice), 0);
    if (equity[i]! > 0) return true;
    // Out of money: close everything at this close, zero the rest of the curve and stop (no finalize pass).
    for (const lot of [...lots]) closeLot(lot, i, bars[i]!.close);
    cash = 0;
    equity.fill(0, i);
    return false;
  };

  const start = 1 + warmupBars;
  let solvent = true;
  for (let i = start; i < bars.length; i++) {
    solvent = brokerPass(i);
    if (!solvent) break;
    const up = sma1[i - 1]! < sma2[i - 1]! && sma1[i]! > sma2[i]!;
    const down = sma2[i - 1]! < sma1[i - 1]! && sma2[i]! > sma1[i]!;
    if (up || down) {
      orders = [...lots.map((lot): Order => ({ kind: "close", lot })), { kind: "entry", direction: up ? 1 : -1 }];
    }
  }
  if (solvent && finalizeTrades && start < bars.length) {
    orders = [...lots.map((lot): Order => ({ kind: "close", lot })), ...orders];
    brokerPass(bars.length - 1);
  }
  // Bars before the first broker pass carry the starting equity (backtesting.py back-fills them).
  const first = equity.findIndex((v) => !Number.isNaN(v));
  for (let i = 0; i < bars.length; i++) if (Number.isNaN(equity[i]!)) equity[i] = i < first || first < 0 ? startCash : equity[i - 1]!;
  return { times: bars.map((b) => b.openTime), equity, closes, fills, trades, warmupBars };
}

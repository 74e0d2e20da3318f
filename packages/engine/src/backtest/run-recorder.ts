import { type Account, type Bar, BarCloser, type Fill, type Order, type Position, type TradingEvent } from "@argo/core";
import { signedQuantity } from "../risk/exposure.ts";
import type { OutOfMoney } from "./backtest-result.ts";
import { GrowableRows } from "./growable-rows.ts";
import type { SettlementClose } from "./settlement-close.ts";

/** Bars of one symbol as columns (time = open time, epoch ms). */
export interface CandleColumns {
  times: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
}

/**
 * What a backtest records while it runs: the fills (from the venue's events), the equity at the
 * end of every time step and the benchmark symbol's closes and candles. Equity is kept from the
 * venue's own events (cash and signed quantities) and the last close per symbol, so marking a
 * step costs a multiply-add per symbol rather than a walk over the engine's maps.
 */
export class RunRecorder {
  readonly fills: Fill[] = [];
  /** Per step: time, equity, benchmark close. */
  readonly steps = new GrowableRows(3);
  /** Per benchmark bar: open time, open, high, low, close. */
  readonly candleRows = new GrowableRows(5);
  /** Last close per symbol slot, NaN before its first bar. */
  lastClose: Float64Array;
  /** Last bar per symbol slot. */
  readonly lastBar: Array<Bar | undefined>;
  readonly symbols: string[];
  /** Equity of the account when the replay started: the base of the returns. */
  startingEquity = Number.NaN;
  /** While closing at the end: the time settlement fills are stamped with, by symbol. */
  settling: Map<string, number> | undefined;
  /** Orders still working after the last bar that the final broker pass cancelled (closeAtEnd), in venue order. */
  cancelledAtEnd: readonly Order[] = [];
  /** How the final broker pass's closes went, per position (refused or split ones are warned about). */
  closesAtEnd: readonly SettlementClose[] = [];
  /**
   * Set at the first step whose equity is ≤ 0 (or by a final pass that leaves it there): the step's time and that
   * equity. From then on every step is recorded at 0, as backtesting.py does once it is out of money.
   */
  outOfMoney: OutOfMoney | undefined;
  /** True when it was the final broker pass (closeAtEnd) that left the equity ≤ 0, not a bar's close. */
  outOfMoneyAtEnd = false;
  /** Orders still working when the account ran out of money, cancelled then. */
  cancelledOutOfMoney: readonly Order[] = [];
  /** How the closes when the account ran out of money went, per position. */
  closesOutOfMoney: readonly SettlementClose[] = [];
  /** Bars replayed after the account ran out of money (recorded, never traded). */
  barsAfterStop = 0;
  private readonly slots = new Map<string, number>();
  private readonly closer = new BarCloser();
  private quantity: Float64Array;
  private cash = 0;
  private readonly benchmark: number;
  private lastSymbol: string | undefined;
  private lastSlot = -1;

  constructor(symbols: readonly string[], benchmarkSymbol: string) {
    this.symbols = [...symbols];
    this.symbols.forEach((symbol, i) => this.slots.set(symbol, i));
    this.lastClose = new Float64Array(this.symbols.length).fill(Number.NaN);
    this.lastBar = this.symbols.map(() => undefined);
    this.quantity = new Float64Array(this.symbols.length);
    this.benchmark = this.slotOf(benchmarkSymbol);
  }

  /** Sizes the recording up front for a replay whose bar count per symbol slot is known. */
  reserve(barsBySlot: readonly number[]): void {
    // Symbols of one time share a step: at least the longest history, more only when their times differ.
    let steps = 0;
    for (const bars of barsBySlot) if (bars > steps) steps = bars;
    this.steps.reserve(steps);
    this.candleRows.reserve(barsBySlot[this.benchmark] ?? 0);
  }

  /** Starts from the account and positions the engine found at the venue. */
  start(account: Account, positions: readonly Position[]): void {
    this.cash = account.balance;
    this.startingEquity = account.equity;
    for (const position of positions) this.setPosition(position.symbol, position);
  }

  /** Notes a bar of the symbol in `slot` (before the pipeline sees it: its close marks the step). */
  bar(slot: number, bar: Bar): void {
    this.lastClose[slot] = bar.close;
    this.lastBar[slot] = bar;
    if (slot === this.benchmark) this.candleRows.push(bar.openTime, bar.open, bar.high, bar.low, bar.close);
  }

  /** Closes a time step: equity marked at the closes seen so far (0 once out of money), and the benchmark's close. */
  endStep(time: number): void {
    const close = this.lastClose[this.benchmark]!;
    if (this.outOfMoney !== undefined) {
      this.steps.push(time, 0, close);
      return;
    }
    const equity = this.markedEquity();
    this.steps.push(time, equity, close);
    // A broker would have closed the account here: the replay stops trading (zeroLastStep then sets this step to 0).
    if (equity <= 0) this.outOfMoney = { time, equity };
  }

  /** Re-marks the last step (after the final broker pass changed the account); a pass that leaves it ≤ 0 is out of money. */
  remarkLastStep(): void {
    const last = this.steps.length - 1;
    if (last < 0) return;
    const equity = this.markedEquity();
    if (equity <= 0 && this.outOfMoney === undefined) {
      this.outOfMoney = { time: this.steps.column(0)[last]!, equity };
      this.outOfMoneyAtEnd = true;
    }
    this.steps.set(last, 1, this.outOfMoney === undefined ? equity : 0);
  }

  /** Records the step that ran out of money (the last one so far) at 0 once its positions are closed, as backtesting.py does. */
  zeroLastStep(): void {
    this.steps.set(this.steps.length - 1, 1, 0);
  }

  /** Cash plus signed quantity × last close of every symbol. */
  markedEquity(): number {
    let equity = this.cash;
    const q = this.quantity;
    for (let i = 0; i < q.length; i++) if (q[i] !== 0) equity += q[i]! * this.lastClose[i]!;
    return equity;
  }

  /** The venue's event listener. */
  readonly onEvent = (event: TradingEvent): void => {
    switch (event.type) {
      case "fill": {
        const stamp = this.settling?.get(event.fill.symbol);
        this.fills.push(stamp === undefined ? this.inItsBar(event.fill) : { ...event.fill, time: stamp });
        return;
      }
      case "position":
        this.setPosition(event.symbol, event.position);
        return;
      case "account":
        this.cash = event.account.balance;
        return;
      default:
        return;
    }
  };

  /** The benchmark symbol's candles. */
  candles(): CandleColumns {
    const rows = this.candleRows;
    return { times: rows.column(0), open: rows.column(1), high: rows.column(2), low: rows.column(3), close: rows.column(4) };
  }

  /**
   * A fill at the close of the bar it traded in (a market order that arrived mid-bar, after the venue's latency) is
   * stamped by the venue with that close time, which is the next bar's open: the stamp a fill at that open carries too.
   * Recorded on the bar's last millisecond instead, as the venue stamps a DAY order's fill at its day's close, so every
   * recorded fill lies inside the bar it traded in and whatever finds a fill's bar by time (trade entry and exit, the
   * report's markers, exposure) finds this one. A venue emits a symbol's fills while trading that symbol's bar, the last
   * one recorded for it, so the bar is known here; the venue's own records keep its stamp.
   */
  private inItsBar(fill: Fill): Fill {
    const bar = this.lastBar[this.slotOf(fill.symbol)];
    if (bar === undefined || fill.time <= bar.openTime) return fill;
    const close = this.closer.closeTime(bar.openTime, bar.interval);
    return fill.time === close ? { ...fill, time: close - 1 } : fill;
  }

  private setPosition(symbol: string, position: Position | undefined): void {
    const slot = this.slotOf(symbol);
    this.quantity[slot] = signedQuantity(position);
    // A symbol traded without bars of its own is marked at the venue's price.
    if (position !== undefined && this.lastBar[slot] === undefined) this.lastClose[slot] = position.marketPrice;
  }

  private slotOf(symbol: string): number {
    // Position events come in runs of one symbol (always, with one): skip the Map for a repeat.
    if (symbol === this.lastSymbol) return this.lastSlot;
    let slot = this.slots.get(symbol);
    if (slot === undefined) {
      slot = this.symbols.length;
      this.symbols.push(symbol);
      this.slots.set(symbol, slot);
      this.lastClose = append(this.lastClose, Number.NaN);
      this.lastBar.push(undefined);
      this.quantity = append(this.quantity, 0);
    }
    this.lastSymbol = symbol;
    this.lastSlot = slot;
    return slot;
  }
}

function append(array: Float64Array, value: number): Float64Array {
  const next = new Float64Array(array.length + 1);
  next.set(array);
  next[array.length] = value;
  return next;
}

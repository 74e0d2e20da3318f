import type { Order } from "@argo/core";
import type { CloseAtEnd } from "./backtest-options.ts";
import { isoTimeOrText } from "../report/iso-time.ts";
import type { OutOfMoney } from "./backtest-result.ts";
import type { TimeGap } from "./largest-gap.ts";
import { formatEquity } from "./out-of-money.ts";
import type { SettlementClose } from "./settlement-close.ts";
import type { OutsideTurnCalls } from "../engine/strategy-order-gate.ts";

/** A gap between bars longer than this is named: no market closes for a year, while a date's year mistyped makes one. */
const SUSPICIOUS_GAP_MS = 366 * 86_400_000;

/** What the warnings are worked out from, all known once the replay has ended (no pass over the data). */
export interface WarningFacts {
  /** The warm-up asked for, in benchmark bars, before it is clamped to the bars replayed. */
  warmupBars: number;
  /** True when `warmupBars` is what the strategy's indicators need rather than the option. */
  warmupFromIndicators: boolean;
  benchmarkSymbol: string;
  /** Bars of the benchmark symbol replayed. */
  benchmarkBars: number;
  /** Open times of the first and last time steps replayed. */
  firstTime: number;
  lastTime: number;
  closeAtEnd: CloseAtEnd;
  /** Orders the final broker pass cancelled unfilled. */
  cancelledAtEnd: readonly Order[];
  /** How the final broker pass's closes went, per position (none when it did not run). */
  closesAtEnd?: readonly SettlementClose[];
  /** Orders still open when the run ended (after onStop). */
  openOrders: readonly Order[];
  /** Where the equity fell to 0 or below, when it did. */
  outOfMoney?: OutOfMoney;
  /** True when the final broker pass left it there rather than a bar's close. */
  outOfMoneyAtEnd?: boolean;
  /** Orders still working when it ran out of money, cancelled then. */
  cancelledOutOfMoney?: readonly Order[];
  /** How the closes when it ran out of money went, per position. */
  closesOutOfMoney?: readonly SettlementClose[];
  /** Bars replayed after it ran out of money, not traded. */
  barsAfterStop?: number;
  /** The longest time between consecutive steps. */
  largestGap?: TimeGap;
  /** Order calls refused because no strategy callback was running (a timer, an un-awaited promise), and the first one. */
  outsideTurn?: OutsideTurnCalls;
}

// Enough ids to find the orders in the log; the count says how many there were.
const IDS_SHOWN = 5;

/**
 * One plain sentence per thing that silently shaped the result: an account that ran out of money, a position the final
 * pass could not close (or closed only in pieces), a warm-up longer than the data, a benchmark without bars, a gap of
 * more than a year in the data, orders that never filled because the data ended, order calls refused because they came
 * outside the strategy's callbacks. Empty for a clean run.
 */
export function backtestWarnings(facts: WarningFacts): string[] {
  const warnings: string[] = [];
  // First: it changes what every figure means.
  if (facts.outOfMoney !== undefined) warnings.push(outOfMoneyWarning(facts, facts.outOfMoney));
  // Next: a position the run was to close and did not is in the final figures (marked at the last close).
  for (const close of facts.closesAtEnd ?? []) {
    if (close.leftOpen === undefined) continue;
    warnings.push(`closeAtEnd "${facts.closeAtEnd}" ${leftOpenText(close, close.leftOpen)}; it stays open, marked at the last close (openTrades lists it)`);
  }
  // A close split and still left in part is named by its warning above, with the venue's reason.
  for (const close of facts.closesAtEnd ?? []) if (isSplit(close)) warnings.push(splitText(`closeAtEnd "${facts.closeAtEnd}"`, close));
  for (const close of facts.closesOutOfMoney ?? []) if (isSplit(close)) warnings.push(splitText("the close when out of money", close));
  const { warmupBars, benchmarkBars, benchmarkSymbol } = facts;
  if (benchmarkBars === 0) {
    warnings.push(
      `benchmarkSymbol ${benchmarkSymbol} has no bar in the bars replayed (${isoTimeOrText(facts.firstTime)} to ${isoTimeOrText(facts.lastTime)}): ` +
        "buy & hold, beta and alpha are null and the report chart has no candles",
    );
  } else if (warmupBars >= benchmarkBars) {
    const source = facts.warmupFromIndicators ? "what the strategy's indicators need" : "the warmupBars option";
    warnings.push(
      `warmupBars ${warmupBars} (${source}) needs ${warmupBars + 1} bars of ${benchmarkSymbol} but only ${benchmarkBars} were replayed: ` +
        `no bar came after the warm-up, and buy & hold starts at the last bar (index ${benchmarkBars - 1}) instead`,
    );
  }
  const gap = facts.largestGap;
  if (gap !== undefined && gap.to - gap.from > SUSPICIOUS_GAP_MS) {
    // A file's last row is checked against no row after it: "2104-01-31" for "2014-01-31" is only seen here.
    const days = Math.floor((gap.to - gap.from) / 86_400_000);
    warnings.push(
      `the bars jump ${days} days, from ${isoTimeOrText(gap.from)} to ${isoTimeOrText(gap.to)}: is a date mistyped (a year)? ` +
        "Every figure over time (duration, annualised return, CAGR, trade durations) spans that gap",
    );
  }
  // Bracket legs guard a position: one still working at the end is routine (its entry, if unfilled, is named itself),
  // and a warning on every run of a bracket strategy would teach people to ignore warnings.
  const cancelled = facts.cancelledAtEnd.filter(isNotLeg);
  if (cancelled.length > 0) {
    const n = cancelled.length;
    warnings.push(`${orders(n)} still working after the last bar never filled: closeAtEnd "${facts.closeAtEnd}" cancelled ${n === 1 ? "it" : "them"} (${ids(cancelled)})`);
  }
  const outside = facts.outsideTurn;
  if (outside !== undefined && outside.count > 0) {
    const n = outside.count;
    warnings.push(
      `${n === 1 ? "1 order call" : `${n} order calls`} came from outside the strategy's callbacks (a timer, or a promise ` +
        `not awaited) and ${n === 1 ? "was" : "were"} rejected, first ${outside.first}: the replay would have placed ${n === 1 ? "it" : "them"} ` +
        "at whatever bar it had reached; await your order calls in the callback that decides them",
    );
  }
  const open = facts.openOrders.filter(isNotLeg);
  if (open.length > 0) {
    warnings.push(`${orders(open.length)} still open when the backtest ended never filled (${ids(open)})`);
  }
  return warnings;
}

/** The sentence for a run whose equity fell to 0 or below: where, how much, what was closed and cancelled, what was left. */
function outOfMoneyWarning(facts: WarningFacts, { time, equity }: OutOfMoney): string {
  const at = isoTimeOrText(time);
  if (facts.outOfMoneyAtEnd) {
    // A position it could not close is named by its own warning.
    const all = (facts.closesAtEnd ?? []).every((close) => close.leftOpen === undefined);
    return `out of money at the end: the final pass (closeAtEnd "${facts.closeAtEnd}") closed ${all ? "every position" : "what it could"} ` +
      `at the bar at ${at} and left the equity at ${formatEquity(equity)}, counted as 0`;
  }
  const cancelled = (facts.cancelledOutOfMoney ?? []).filter(isNotLeg);
  const n = cancelled.length;
  const cancels = n === 0 ? "" : ` and ${orders(n)} still working ${n === 1 ? "was" : "were"} cancelled (${ids(cancelled)})`;
  const after = facts.barsAfterStop ?? 0;
  const rest = after === 0 ? "" : ` (${after === 1 ? "1 later bar" : `${after} later bars`} not traded)`;
  const left = (facts.closesOutOfMoney ?? []).filter((close) => close.leftOpen !== undefined);
  // Never a close that did not happen: what is still held at the venue is named, with the venue's reason.
  const except = left.length === 0 ? "" : ` except: ${left.map((close) => leftOpenText(close, close.leftOpen!)).join("; ")} (still held at the venue)`;
  return `out of money at the bar at ${at}: the equity at its close was ${formatEquity(equity)}, ` +
    `so every position was closed at that close${except}${cancels}; trading stopped there and the equity is 0 from that bar to the end${rest}`;
}

/** "could not close SHORT 20 X: <reason>", or "closed 19.95 of LONG 20 X, but 0.05 is still open: <reason>". */
function leftOpenText(close: SettlementClose, left: { quantity: number; reason: string }): string {
  const closed = close.quantity - left.quantity;
  const position = `${close.side} ${quantityText(close.quantity)} ${close.symbol}`;
  return closed > 0 && !nearlyEqual(left.quantity, close.quantity)
    ? `closed ${quantityText(closed)} of ${position}, but ${quantityText(left.quantity)} is still open: ${left.reason}`
    : `could not close ${position}: ${left.reason}`;
}

function isSplit(close: SettlementClose): boolean {
  return close.piece !== undefined && close.leftOpen === undefined;
}

/** A close the venue refused whole and took in smaller orders: says why `ordersRejected` counts its refusals. */
function splitText(who: string, close: SettlementClose): string {
  const n = close.refusals;
  const position = `${close.side} ${quantityText(close.quantity)} ${close.symbol}`;
  return `${who} closed ${position} in ${orders(close.ids.length)} of at most ${quantityText(close.piece!)}: the venue refused it in one ` +
    `(${close.firstRefusal}); ${n === 1 ? "that refusal is" : `those ${n} refusals are`} counted in ordersRejected`;
}

/** A quantity as a trader writes it: 19.95, not the 19.950000000000003 a subtraction leaves. */
function quantityText(quantity: number): string {
  return String(Number(quantity.toPrecision(12)));
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function isNotLeg(order: Order): boolean {
  return order.parentClientOrderId === undefined;
}

function orders(n: number): string {
  return n === 1 ? "1 order" : `${n} orders`;
}

/** The orders' client ids, the first few of a long list. */
function ids(list: readonly Order[]): string {
  const shown = list.slice(0, IDS_SHOWN).map((order) => order.clientOrderId).join(", ");
  return list.length > IDS_SHOWN ? `${shown} and ${list.length - IDS_SHOWN} more` : shown;
}

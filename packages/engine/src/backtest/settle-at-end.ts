import { ArgoError, type Bar, type Fill, isTerminalStatus, type Order, type Position, type SimulatedVenue } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import { closePositionRequest } from "../engine/close-position-request.ts";
import { type CloseOutcome, closeInPieces } from "./close-in-pieces.ts";
import type { RunRecorder } from "./run-recorder.ts";
import type { SettlementClose } from "./settlement-close.ts";

// Enough for a venue latency of many bars.
const MAX_PASSES = 64;
/** A settlement bar's volume: no volume cap or volume-based impact limits the close (the largest finite number a bar may carry). */
const SETTLEMENT_VOLUME = Number.MAX_VALUE;

/**
 * The final broker pass (backtesting.py's `finalize_trades`): cancels the orders still working,
 * then closes every open position at the venue with market orders executed against a settlement
 * bar whose prices are all the symbol's last open ("last-open", what backtesting.py 0.6.6 does) or
 * last close ("last-close"). With "last-open", a symbol traded in its last bar after that bar's open (a limit or stop
 * filled inside it, a market order filled at its close) is closed at the last close instead: the open is a price from
 * before that fill (see {@link tradedAfterOpen}). The venue applies its own commission and price slippage; its volume cap and
 * volume-based impact do not apply (the bars carry no volume limit). The strategy does not see these bars. The fills are stamped with the symbol's last bar time (the bar they close
 * in), never earlier than the symbol's previous fill.
 */
export async function settleAtEnd(
  pipeline: BarPipeline,
  venue: SimulatedVenue,
  recorder: RunRecorder,
  at: "last-open" | "last-close",
  intervalMs: number,
): Promise<void> {
  // Noted for the result's warnings: these orders were still working and will never fill; closes refused or split.
  const { cancelled, closes } = await closeEverything(pipeline, venue, recorder, at, intervalMs, `close at end (${at})`, "at the end of the backtest");
  recorder.cancelledAtEnd = cancelled;
  recorder.closesAtEnd = closes;
}

/**
 * Cancels every working order, then closes every open position as {@link settleAtEnd} describes, at each symbol's last
 * open or close; `reason` goes on the close orders, `when` into the error of a close that never completes. Gives the
 * orders the cancel-all cancelled and, per position, how its close went: a close the venue refused is not dropped
 * silently, and whatever is still open afterwards is recorded with the venue's reason.
 */
export async function closeEverything(
  pipeline: BarPipeline,
  venue: SimulatedVenue,
  recorder: RunRecorder,
  at: "last-open" | "last-close",
  intervalMs: number,
  reason: string,
  when: string,
): Promise<{ cancelled: Order[]; closes: SettlementClose[] }> {
  // Read before the cancels: each one finished may push an older filled order out of the mirror's memory.
  const afterOpen = at === "last-open" ? tradedAfterOpen(recorder, pipeline.mirror.orders) : undefined;
  const cancelled = await pipeline.gateway.cancelAll();
  const positions = (await venue.getPositions()).filter((position) => position.quantity > 0);
  if (positions.length === 0) return { cancelled, closes: [] };
  const settling = new Map<string, number>();
  const outcomes: SettlementClose[] = [];
  const bars = new Map<string, Bar>();
  const ids: string[] = [];
  for (const position of positions) {
    const { symbol, side, quantity } = position;
    const slot = recorder.symbols.indexOf(symbol);
    const last = slot < 0 ? undefined : recorder.lastBar[slot];
    if (last === undefined) {
      const leftOpen = { quantity, reason: "no bar of it was replayed, so there was no price to close it at" };
      outcomes.push({ symbol, side, quantity, ids: [], refusals: 0, leftOpen });
      continue;
    }
    const price = at === "last-open" && afterOpen?.has(symbol) !== true ? last.open : last.close;
    // An engine id for each order: it steps past any id the strategy chose, so a close can never be refused as a
    // duplicate. A close the venue's own rules refuse (a quantity cap per order) goes in pieces (close-in-pieces.ts).
    const send = (size: number) => pipeline.gateway.send(closePositionRequest({ ...position, quantity: size }, reason, pipeline.strategyName));
    const outcome = await closeInPieces(quantity, send, () => largestFill(recorder, symbol, quantity));
    outcomes.push(settlementClose(position, outcome));
    if (outcome.ids.length === 0) continue;
    ids.push(...outcome.ids);
    settling.set(symbol, Math.max(last.openTime, lastFillTime(recorder, symbol)));
    // Without a volume limit: the close at the end is the bookkeeping close at the last price (backtesting.py's), not a
    // trade the last bar's volume must carry. With it, a volume cap split the close over the passes and left the rest open.
    // The last bar's high and low stay: the venue's slippage may move the fill within the range that traded, not past it.
    bars.set(symbol, { ...last, open: price, close: price, volume: SETTLEMENT_VOLUME });
  }
  recorder.settling = settling;
  try {
    await settle(pipeline, venue, ids, bars, intervalMs, when);
  } finally {
    recorder.settling = undefined;
  }
  await noteLeftOpen(venue, outcomes);
  return { cancelled, closes: outcomes };
}

/** What the close of `position` came to, as the result's warnings read it. */
function settlementClose({ symbol, side, quantity }: Position, outcome: CloseOutcome): SettlementClose {
  const { piece, firstRefusal, refused } = outcome;
  return {
    symbol, side, quantity, ids: outcome.ids, refusals: outcome.refusals,
    ...(piece !== undefined ? { piece } : {}),
    ...(firstRefusal !== undefined ? { firstRefusal } : {}),
    ...(refused !== undefined ? { leftOpen: { quantity: refused.quantity, reason: `the venue refused the order (${refused.reason})` } } : {}),
  };
}

/** Feeds settlement bars, one per symbol and pass, until every close order has ended (the venue's latency may take passes). */
async function settle(
  pipeline: BarPipeline,
  venue: SimulatedVenue,
  ids: readonly string[],
  bars: ReadonlyMap<string, Bar>,
  intervalMs: number,
  when: string,
): Promise<void> {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const symbols = new Set<string>();
    for (const id of ids) {
      const order = pipeline.mirror.orders.get(id);
      if (order !== undefined && !isTerminalStatus(order.status)) symbols.add(order.symbol);
    }
    if (symbols.size === 0) return;
    const time = pipeline.time + pass * intervalMs;
    venue.setTime(time);
    // One bar per symbol: it trades every working close of that symbol.
    for (const symbol of symbols) venue.processBar({ ...bars.get(symbol)!, openTime: time });
  }
  pipeline.reportError(new ArgoError("INTERNAL", `positions still open after ${MAX_PASSES} settlement passes ${when}`));
}

/**
 * Reads the positions the pass left: a symbol still held is recorded with what is left of it and why (the venue's
 * refusal, or its close orders not filling), so the result's warnings say it rather than a close that did not happen.
 */
async function noteLeftOpen(venue: SimulatedVenue, outcomes: SettlementClose[]): Promise<void> {
  const held = new Map<string, Position>();
  for (const position of await venue.getPositions()) if (position.quantity > 0) held.set(position.symbol, position);
  for (const outcome of outcomes) {
    const position = held.get(outcome.symbol);
    if (position === undefined) {
      delete outcome.leftOpen;
      continue;
    }
    // A position of the other side is not what is left of this one: the closes went past it, which must be said as such.
    const reason = position.side !== outcome.side
      ? `its close orders went past it: ${position.side} ${position.quantity} is held now`
      : (outcome.leftOpen?.reason ?? "its close orders did not fill");
    outcome.leftOpen = { quantity: position.quantity, reason };
  }
}

/** The largest fill of `symbol` smaller than `below`: the venue took an order of that size, so it fits its lot rules. */
function largestFill(recorder: RunRecorder, symbol: string, below: number): number | undefined {
  let largest: number | undefined;
  for (const fill of recorder.fills) {
    if (fill.symbol === symbol && fill.quantity < below && (largest === undefined || fill.quantity > largest)) largest = fill.quantity;
  }
  return largest;
}

/**
 * Symbols with a fill inside their last bar after its open. Their position, as it stands, did not exist at that open,
 * so closing it there would trade at a price from before the fill: a limit bought at the bar's low and sold at its
 * open gains what no one could have. The venue stamps a fill of an order that was working by the bar's open with the
 * open time, wherever in the bar it traded; the order tells which: one that traded at the open was a market order or
 * one the open had already reached.
 */
function tradedAfterOpen(recorder: RunRecorder, orders: ReadonlyMap<string, Order>): Set<string> {
  const found = new Set<string>();
  const lastBars = new Map<string, Bar>();
  let earliest = Number.POSITIVE_INFINITY;
  recorder.symbols.forEach((symbol, slot) => {
    const last = recorder.lastBar[slot];
    if (last === undefined) return;
    lastBars.set(symbol, last);
    if (last.openTime < earliest) earliest = last.openTime;
  });
  // Fills are recorded bar after bar: once one is older than every last bar, so are all before it.
  for (let i = recorder.fills.length - 1; i >= 0; i--) {
    const fill = recorder.fills[i]!;
    if (fill.time < earliest) break;
    const last = lastBars.get(fill.symbol);
    if (last === undefined || fill.time < last.openTime || found.has(fill.symbol)) continue;
    if (!atTheOpen(fill, orders.get(fill.clientOrderId), last)) found.add(fill.symbol);
  }
  return found;
}

/** Whether `fill`, made in `bar`, traded at the bar's open; in doubt, no (the close then comes after it for certain). */
function atTheOpen(fill: Fill, order: Order | undefined, bar: Bar): boolean {
  // Later stamps: a market order that arrived inside the bar (at its close), a DAY order's fill on its day's last ms.
  if (fill.time !== bar.openTime) return false;
  if (order === undefined) return fill.price === bar.open;
  // A bracket leg works from its entry's fill on, which may itself be inside the bar.
  if (order.parentClientOrderId !== undefined) return false;
  const buy = order.side === "BUY";
  const stop = order.type === "STOP" || order.type === "STOP_LIMIT" ? order.stopPrice : undefined;
  // A stop not yet triggered before this bar traded at the open only if the open was already past it (a gap).
  const armedBefore = order.triggeredAt !== undefined && order.triggeredAt < bar.openTime;
  if (stop !== undefined && !armedBefore && (buy ? bar.open < stop : bar.open > stop)) return false;
  const limit = order.type === "LIMIT" || order.type === "STOP_LIMIT" ? order.limitPrice : undefined;
  if (limit !== undefined) return buy ? bar.open <= limit : bar.open >= limit;
  return true;
}

function lastFillTime(recorder: RunRecorder, symbol: string): number {
  for (let i = recorder.fills.length - 1; i >= 0; i--) if (recorder.fills[i]!.symbol === symbol) return recorder.fills[i]!.time;
  return Number.NEGATIVE_INFINITY;
}

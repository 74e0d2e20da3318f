import { ArgoError, type Bar, isTerminalStatus, type Order, type SimulatedVenue } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import { closePositionRequest } from "../engine/close-position-request.ts";
import type { RunRecorder } from "./run-recorder.ts";

// Enough for a venue latency of many bars.
const MAX_PASSES = 64;
/** A settlement bar's volume: no volume cap or volume-based impact limits the close (the largest finite number a bar may carry). */
const SETTLEMENT_VOLUME = Number.MAX_VALUE;

/**
 * The final broker pass (backtesting.py's `finalize_trades`): cancels the orders still working,
 * then closes every open position at the venue with market orders executed against a settlement
 * bar whose prices are all the symbol's last open ("last-open", what backtesting.py 0.6.6 does) or
 * last close ("last-close"). The venue applies its own commission and price slippage; its volume cap and
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
  // Noted for the result's warnings: these orders were still working and will never fill.
  recorder.cancelledAtEnd = await closeEverything(pipeline, venue, recorder, at, intervalMs, `close at end (${at})`, "at the end of the backtest");
}

/**
 * Cancels every working order, then closes every open position as {@link settleAtEnd} describes, at each symbol's last
 * open or close; `reason` goes on the close orders, `when` into the error of a close that never completes. Gives the
 * orders the cancel-all cancelled.
 */
export async function closeEverything(
  pipeline: BarPipeline,
  venue: SimulatedVenue,
  recorder: RunRecorder,
  at: "last-open" | "last-close",
  intervalMs: number,
  reason: string,
  when: string,
): Promise<Order[]> {
  const cancelled = await pipeline.gateway.cancelAll();
  const positions = (await venue.getPositions()).filter((position) => position.quantity > 0);
  if (positions.length === 0) return cancelled;
  const settling = new Map<string, number>();
  const closes: Array<{ id: string; bar: Bar }> = [];
  for (const position of positions) {
    const slot = recorder.symbols.indexOf(position.symbol);
    const last = slot < 0 ? undefined : recorder.lastBar[slot];
    if (last === undefined) continue; // never saw a bar of it: no price to close at
    const price = at === "last-open" ? last.open : last.close;
    // An engine id: it steps past any id the strategy chose, so the close can never be refused as a duplicate.
    const placed = await pipeline.gateway.send(closePositionRequest(position, reason, pipeline.strategyName));
    if (placed.status !== "placed") continue;
    const id = placed.order.clientOrderId;
    settling.set(position.symbol, Math.max(last.openTime, lastFillTime(recorder, position.symbol)));
    // Without a volume limit: the close at the end is the bookkeeping close at the last price (backtesting.py's), not a
    // trade the last bar's volume must carry. With it, a volume cap split the close over the passes and left the rest open.
    closes.push({ id, bar: { ...last, open: price, high: price, low: price, close: price, volume: SETTLEMENT_VOLUME } });
  }
  recorder.settling = settling;
  try {
    // The orders arrive after the venue's latency: settlement bars follow the last one until they are done.
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const open = closes.filter((close) => !isTerminalStatus(pipeline.mirror.orders.get(close.id)?.status ?? "FILLED"));
      if (open.length === 0) return cancelled;
      const time = pipeline.time + pass * intervalMs;
      venue.setTime(time);
      for (const close of open) venue.processBar({ ...close.bar, openTime: time });
    }
    pipeline.reportError(new ArgoError("INTERNAL", `positions still open after ${MAX_PASSES} settlement passes ${when}`));
    return cancelled;
  } finally {
    recorder.settling = undefined;
  }
}

function lastFillTime(recorder: RunRecorder, symbol: string): number {
  for (let i = recorder.fills.length - 1; i >= 0; i--) if (recorder.fills[i]!.symbol === symbol) return recorder.fills[i]!.time;
  return Number.NEGATIVE_INFINITY;
}

import { ArgoError, isArgoError, type Order, toArgoError, type TradingProvider } from "@argo/core";
import type { Journal } from "../journal/journal.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { isAbortOf } from "./is-abort-of.ts";
import { isOrderLike, malformedAnswer } from "./order-answer.ts";
import { unseenFills } from "./unseen-fills.ts";

/** Why an order the venue no longer knows is recorded as FAILED. */
export const UNKNOWN_TO_VENUE = "the venue no longer knows this order: it was working when the previous session stopped";

/** Why an order being sent when the previous session stopped (recorded PENDING, no answer since) is recorded as FAILED. */
export const NEVER_REACHED_VENUE = "the venue has no such order: it was being sent when the previous session stopped and never reached it";

/**
 * Brings the journal's orders that were still working when the previous session stopped up to date before this one
 * trades: what the venue says now (filled, cancelled or still open while nobody watched) is recorded with any fills the
 * journal lacks, and reported through onOrderFilled / onOrderUpdate (fills through the pipeline, which reports each once:
 * the venue's events may already have brought them). An order the venue no longer knows (a paper venue starts afresh) is
 * recorded as FAILED and reported through the pipeline's onError (ORDER_NOT_FOUND), so no journal keeps an order open
 * forever without saying so. A venue that cannot answer (or not within `lookup`'s deadline) is reported and the order
 * left as it was, for the next start. A stop (`signal`) while asking ends it with the abort.
 */
export async function reconcileJournalOrders(
  journal: Journal,
  unfinished: readonly Order[],
  trading: TradingProvider,
  openOrders: readonly Order[],
  now: number,
  pipeline: Pick<BarPipeline, "noteFill" | "reportError" | "guard" | "bookedFills">,
  lookup: (clientOrderId: string) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<void> {
  if (unfinished.length === 0) return;
  const open = new Map(openOrders.map((order) => [order.clientOrderId, order]));
  for (const recorded of unfinished) {
    let current = open.get(recorded.clientOrderId);
    if (current === undefined) {
      try {
        const answer = await lookup(recorded.clientOrderId);
        // An answer that is not an order says nothing: the record stays for the next start, as when the venue cannot answer.
        if (!isOrderLike(answer)) throw malformedAnswer(trading.name, "order lookup", answer);
        current = answer;
      } catch (error) {
        // A stop while asking ends the start: nothing trades after it, and the orders not yet asked about stay as recorded.
        if (isAbortOf(signal, error)) throw error;
        if (!isArgoError(error, "ORDER_NOT_FOUND")) {
          pipeline.reportError(cannotCheck(recorded, trading.name, error));
          continue;
        }
        const sending = recorded.status === "PENDING";
        current = { ...recorded, status: "FAILED", rejectReason: sending ? NEVER_REACHED_VENUE : UNKNOWN_TO_VENUE, updatedAt: now };
        pipeline.reportError(unknownToVenue(recorded, trading.name, sending));
      }
    }
    const missed = unseenFills(recorded.fills, current.fills);
    // What the previous session booked of the order counts: the fills missed meanwhile must not take it past its quantity.
    pipeline.bookedFills.replay(recorded);
    journal.order(current);
    for (const fill of missed) pipeline.noteFill(fill, current);
    if (current.status !== recorded.status || current.filledQuantity !== recorded.filledQuantity) pipeline.guard.call("onOrderUpdate", current);
  }
  journal.flush();
}

function describe(order: Order): string {
  const when = order.status === "PENDING" ? "being sent" : order.status;
  return `order ${order.clientOrderId} (${order.side} ${order.symbol}, ${when} when the previous session stopped)`;
}

/** `sending`: the order was recorded PENDING and never answered for, so the venue never had it. */
function unknownToVenue(order: Order, venue: string, sending: boolean): ArgoError {
  const outcome = sending ? "has no such order; recorded as FAILED, it never reached the venue" : "no longer knows it; recorded as FAILED, check the account for any fill it had";
  return new ArgoError("ORDER_NOT_FOUND", `${describe(order)}: ${venue} ${outcome}`, {
    provider: venue,
    details: { clientOrderId: order.clientOrderId },
  });
}

function cannotCheck(order: Order, venue: string, error: unknown): ArgoError {
  const why = toArgoError(error, "INTERNAL", venue);
  return new ArgoError(why.code, `${describe(order)}: could not ask ${venue} about it (${why.message}); left as recorded, checked again at the next start`, {
    provider: venue,
    details: { clientOrderId: order.clientOrderId },
    cause: error,
  });
}

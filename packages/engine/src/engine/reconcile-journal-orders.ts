import { ArgoError, isArgoError, isTerminalStatus, type Order, pastQuantity, toArgoError, type TradingProvider } from "@argo/core";
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
 *
 * A venue across a network may also have left orders recorded final but short of their fills (its order status came,
 * the session stopped before the execution did: see Journal.shortFilledOrders): it is asked about those too, and the
 * fills its answer lists that the journal lacks are booked the same way. A simulator sends each fill in the same call as
 * the status, so it leaves none and is not asked.
 */
export async function reconcileJournalOrders(
  journal: Journal,
  unfinished: readonly Order[],
  trading: TradingProvider,
  openOrders: readonly Order[],
  now: number,
  pipeline: Pick<BarPipeline, "noteFill" | "reportError" | "guard" | "bookedFills" | "gateway" | "keptOrder" | "mirror" | "runner">,
  lookup: (clientOrderId: string) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<void> {
  const network = pipeline.gateway.syncVenue === undefined;
  const short = network ? journal.shortFilledOrders() : [];
  if (unfinished.length === 0 && short.length === 0) return;
  const open = new Map(openOrders.map((order) => [order.clientOrderId, order]));
  /** The venue's order now; undefined when it cannot tell (reported), null when it does not know the order. */
  const ask = async (recorded: Order): Promise<Order | undefined | null> => {
    const current = open.get(recorded.clientOrderId);
    if (current !== undefined) return current;
    try {
      const answer = await lookup(recorded.clientOrderId);
      // An answer that is not an order says nothing: the record stays for the next start, as when the venue cannot answer.
      if (!isOrderLike(answer)) throw malformedAnswer(trading.name, "order lookup", answer);
      return answer;
    } catch (error) {
      // A stop while asking ends the start: nothing trades after it, and the orders not yet asked about stay as recorded.
      if (isAbortOf(signal, error)) throw error;
      if (isArgoError(error, "ORDER_NOT_FOUND")) return null;
      pipeline.reportError(cannotCheck(recorded, trading.name, error));
      return undefined;
    }
  };
  for (const recorded of unfinished) {
    let current = await ask(recorded);
    if (current === undefined) continue;
    if (current === null) {
      const sending = recorded.status === "PENDING";
      current = { ...recorded, status: "FAILED", rejectReason: sending ? NEVER_REACHED_VENUE : UNKNOWN_TO_VENUE, updatedAt: now };
      pipeline.reportError(unknownToVenue(recorded, trading.name, sending));
    }
    const missed = unseenFills(recorded.fills, current.fills);
    // What the previous session booked of the order counts: the fills missed meanwhile must not take it past its quantity.
    pipeline.bookedFills.replay(recorded);
    journal.order(current);
    for (const fill of missed) pipeline.noteFill(fill, current);
    if (current.status !== recorded.status || current.filledQuantity !== recorded.filledQuantity) reportChange(pipeline, current);
  }
  for (const recorded of short) {
    const current = await ask(recorded);
    if (current === undefined) continue;
    // Its final status stands: a venue that no longer knows the order cannot take back a fill it reported.
    if (current === null) {
      pipeline.reportError(shortOfFills(recorded, trading.name, "ORDER_NOT_FOUND", "no longer knows it"));
      continue;
    }
    pipeline.bookedFills.replay(recorded);
    // A finished order never reopens: a lookup saying otherwise is older news than the status recorded.
    if (isTerminalStatus(current.status)) journal.order(current);
    for (const fill of unseenFills(recorded.fills, current.fills)) pipeline.noteFill(fill, current);
    const filled = Math.max(recorded.filledQuantity, current.filledQuantity);
    if (pastQuantity(filled, pipeline.bookedFills.booked(recorded.clientOrderId))) pipeline.reportError(shortOfFills(recorded, trading.name, "INVALID_DATA", "lists no fill the journal lacks"));
  }
  journal.flush();
}

/**
 * Reports an order the reconcile found changed through the engine's onOrderUpdate and queues it for the strategy's
 * (delivered once its init has run: see StrategyRunner), as an ordinary update of the order's state now. Kept by the
 * mirror as a venue event would be, so the same state the venue's events bring after connect (a reconnect's replay) is a
 * repeat, and one they brought already (during the start-up calls) is not reported again.
 */
function reportChange(pipeline: Pick<BarPipeline, "gateway" | "keptOrder" | "mirror" | "guard" | "runner">, current: Order): void {
  const { mirror } = pipeline;
  const id = current.clientOrderId;
  const known = mirror.orders.get(id);
  // An event during the start-up calls brought this state already (reported then); the open orders read is the one
  // object the mirror was built from, and news to report.
  if (known !== undefined && known !== current && known.status === current.status && known.filledQuantity === current.filledQuantity) return;
  const shown = pipeline.keptOrder(current);
  // False: such an event brought newer news than this answer, reported then.
  if (!mirror.applyOrder(shown)) return;
  // A simulator sends each state once; a venue across a network may send this one again (see applyTradingEvent).
  if (pipeline.gateway.syncVenue === undefined) mirror.stateTold(current);
  pipeline.guard.call("onOrderUpdate", shown);
  if (pipeline.runner.wantsUpdates) pipeline.runner.updates.push(shown);
}

/** An order recorded final whose fills stay short of its filled quantity: `outcome` says what the venue answered. */
function shortOfFills(order: Order, venue: string, code: "ORDER_NOT_FOUND" | "INVALID_DATA", outcome: string): ArgoError {
  const message = `${describe(order)}: recorded filled ${order.filledQuantity}, more than its fills in the journal, and ${venue} ${outcome}; ` +
    "the missing fill was not booked: check the account. Checked again at the next start";
  return new ArgoError(code, message, { provider: venue, details: { clientOrderId: order.clientOrderId } });
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

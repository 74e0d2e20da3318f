import { ArgoError, type Fill, isTerminalStatus, type Order, type TradingEvent, tradingEventProblem } from "@argo/core";
import { eventState } from "./account-mirror.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { resyncAfterReconnect } from "./reconnect-resync.ts";

/**
 * Applies a venue event to the pipeline: mirror, journal, callbacks, and the strategy's update queue.
 * Returns true when something was queued for the caller to settle between bars: an order update for the strategy, or
 * the reads a reconnect sets off.
 * A malformed order or fill event is reported (INVALID_DATA through onError) and stores nothing: thrown back into
 * the provider it would break its stream, and stored it would become a phantom open order or a refused journal record.
 * A malformed fill event sent again (same order and fill ids) is not reported again (see MalformedFillEvents).
 */
export function applyTradingEvent(p: BarPipeline, event: TradingEvent): boolean {
  const problem = tradingEventProblem(event);
  if (problem !== undefined) {
    // Once per (order, fill) ids: a venue replaying its backlog at each reconnect would report one bad execution each time.
    if (!p.malformedFills.firstReport(event)) return false;
    const venue = p.trading.name;
    p.reportError(new ArgoError("INVALID_DATA", `${venue} sent ${problem}; the event was ignored`, { provider: venue }));
    return false;
  }
  switch (event.type) {
    case "order": {
      const order = event.order;
      // A simulator sends each state once, and each fill as its own event in the same call; a venue across a network may
      // send a state again, or report fills only inside the order's state (IB's orderStatus comes before execDetails).
      const network = p.gateway.syncVenue === undefined;
      const state = network ? eventState(order) : undefined;
      // The state the engine holds already, sent again or stamped otherwise (a lookup's answer carries the venue's REST
      // time, the stream's event its own): no news for the strategy (a take-profit placed on FILLED would go out twice).
      // Its listed fills still count (noteFill skips those booked): a lookup's answer may repeat the state a status sent
      // before its executions brought, with those executions listed.
      if (state !== undefined && (p.mirror.repeatsEvent(order.clientOrderId, state) || p.mirror.repeatsState(order))) {
        bookListedFillsOf(p, order);
        return false;
      }
      // Refused as the mirror refuses an old state of an order it still keeps (applyOrder below): ignored, unreported. The
      // fills it lists still count (noteFill skips those booked already, this session or before it).
      if (endedLongAgo(p, order)) {
        bookListedFills(p, order);
        return false;
      }
      const answerPending = p.gateway.inFlight.delete(order.clientOrderId);
      // Without the fills refused so far; one its list brings that the loop below refuses is taken out there (noteFill).
      const kept = p.keptOrder(order);
      if (!p.mirror.applyOrder(kept)) return false;
      if (state !== undefined) p.mirror.eventApplied(order.clientOrderId, state);
      p.journal?.order(kept);
      p.gateway.shownByEvent(kept, answerPending);
      p.gateway.unresolved.settled(order.clientOrderId);
      // Booked now: a stop before the execution event arrives would otherwise lose the fill (the order is then final, and
      // the next start asks only about orders it holds short of their fills).
      if (network) bookListedFillsOf(p, order);
      return tellOrder(p, order);
    }
    case "fill": {
      // A venue may report an execution before (or instead of) the order's own update. An old state of an order ended
      // long ago is not taken (see endedLongAgo); its fill goes to noteFill, which skips one booked already.
      const order = event.order;
      const network = p.gateway.syncVenue === undefined;
      let news = false;
      if (!endedLongAgo(p, order)) {
        const id = order.clientOrderId;
        const answerPending = p.gateway.inFlight.delete(id);
        // A network venue's final state reaches the strategy once, whichever event brings it: the order's own event may
        // be lost in a gap (a lookup that would tell it is then dropped, the order no longer working) or come after this
        // one, a repeat then. A simulator sends the order's event as well, in the same call.
        const final = network && isTerminalStatus(order.status) && !p.mirror.repeatsState(order);
        const kept = p.keptOrder(order);
        if (p.mirror.applyOrder(kept)) {
          p.journal?.order(kept);
          if (final) {
            p.mirror.stateTold(order);
            news = true;
          }
        }
        p.gateway.shownByEvent(kept, answerPending);
        p.gateway.unresolved.settled(id);
      }
      // Its order may list other fills whose own events were lost (a reconnect gap): booked in the list's order, the
      // event's own fill at its place as it came (its listed copy could hide a report of it); noteFill then skips it.
      if (network) bookListedFills(p, order, event.fill);
      p.noteFill(event.fill, order);
      if (network) noteFillsShort(p, order);
      // Told after its fills, as an order event is.
      return news && tellOrder(p, order);
    }
    case "position":
      p.mirror.applyPosition(event.symbol, event.position, true);
      return false;
    case "account":
      p.mirror.applyAccount(event.account, true);
      return false;
    case "connection":
      if (event.error !== undefined) p.reportError(event.error);
      // Back after a drop: what the venue sent meanwhile may be lost; asked for, as a start does (true: settle it).
      if (p.gateway.syncVenue === undefined && p.link.cameBack(event.state)) {
        p.gateway.pending.push(p.link.resync(() => resyncAfterReconnect(p)));
        return true;
      }
      return false;
  }
}

/**
 * Tells the strategy (onOrderUpdate, its update queue) and the callbacks of an order state just applied; a REJECTED one
 * is reported as the venue's refusal too. True when an update was queued for the strategy.
 */
function tellOrder(p: BarPipeline, order: Order): boolean {
  const shown = p.keptOrder(order);
  p.guard.call("onOrderUpdate", shown);
  if (order.status === "REJECTED") p.gateway.venueRejected(shown);
  if (!p.runner.wantsUpdates) return false;
  p.runner.updates.push(shown);
  return true;
}

/**
 * Notes whether a network venue's order, as the engine now holds it, is final and short of its fills (see FillsShort):
 * only a final state is looked at, or an order noted already.
 */
function noteFillsShort(p: BarPipeline, order: Order): void {
  const short = p.link.fillsShort;
  if (short.size === 0 && !isTerminalStatus(order.status)) return;
  const id = order.clientOrderId;
  short.note(p.mirror.orders.get(id), p.bookedFills.booked(id));
}

/**
 * Whether a venue's event brings an old state of an order the journal records as ended, that the mirror no longer keeps:
 * it keeps only the newest finished orders (FINISHED_ORDERS_KEPT) and, in a resumed session, none of the previous
 * session's, so it cannot tell a reconnect's (or a restart's) replayed backlog from news. A working state would reopen
 * the order (shown open, counted against the limits); the final state the journal holds, told again, would reach the
 * strategy a second time (a take-profit placed on FILLED placed twice). Another final state than the recorded one is
 * news and is taken. Asked only for an id the mirror does not hold and no placement has on its way: of this session's
 * orders, one finished long ago, or one of a session before it (one refused has no record left; one declared not placed
 * keeps its PENDING record, which is not ended). One lookup by primary key, nothing kept in memory.
 * A simulator sends each state once, so only a venue across a network is asked about.
 */
function endedLongAgo(p: BarPipeline, order: Order): boolean {
  const id = order.clientOrderId;
  if (p.journal === undefined || p.gateway.syncVenue !== undefined || p.mirror.orders.has(id) || p.gateway.inFlight.has(id)) return false;
  const ended = p.journal.endedStatus(id);
  return ended !== undefined && (!isTerminalStatus(order.status) || order.status === ended);
}

/**
 * Books the fills a network venue's order state lists when fewer than its filled quantity are booked (noteFill skips
 * those booked already): a venue may report fills only inside the order (IB's orderStatus comes before execDetails), or
 * lose an execution event in a reconnect gap. A simulator reports each fill as its own event, in the same call.
 * `own`: the fill an event brought, booked as it came in place of its listed copy.
 */
function bookListedFills(p: BarPipeline, order: Order, own?: Fill): void {
  if (order.fills.length !== 0 && p.bookedFills.booked(order.clientOrderId) < order.filledQuantity) {
    p.noteListedFills(order, own);
  }
}

/** Books the fills a network venue's order event lists (bookListedFills), then notes whether it is left short of them. */
function bookListedFillsOf(p: BarPipeline, order: Order): void {
  bookListedFills(p, order);
  noteFillsShort(p, order);
}

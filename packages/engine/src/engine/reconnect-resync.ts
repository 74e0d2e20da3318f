import { type ConnectionState, isArgoError, type Order, toArgoError } from "@argo/core";
import type { BarPipeline } from "./bar-pipeline.ts";
import { FillsShort } from "./fills-short.ts";
import { isOrderLike, malformedAnswer } from "./order-answer.ts";

/**
 * Whether a network venue's link is back after a drop. What the venue sent while it was down may be lost (Binance's user
 * data stream does not replay a gap; an adapter reconnecting its socket gets only what comes after): a fill made then
 * would stay unbooked for the session, its order shown working and the position short of it.
 */
export class VenueLink {
  private down = false;
  /** The resync on its way, and whether the link came back again meanwhile (one more then runs after it). */
  private running: Promise<void> | undefined;
  private again = false;
  /** Orders held final short of their fills, whose executions a gap may have lost: the resync asks about them. */
  readonly fillsShort = new FillsShort();

  /**
   * Runs `resync` now, or, while one runs, once more after it: a flapping link (back, down, back within one resync) costs
   * one open-orders read per resync, not one per reconnect (an exchange weighs an all-symbols read heavily against its rate limit),
   * and the last gap is still covered by a read that starts after it.
   */
  resync(resync: () => Promise<void>): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    const loop = async () => {
      do {
        this.again = false;
        await resync();
      } while (this.again);
    };
    this.running = loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Notes a connection event; true when it says the link came back after a drop (RECONNECTING or DISCONNECTED). */
  cameBack(state: ConnectionState): boolean {
    if (state === "RECONNECTING" || state === "DISCONNECTED") this.down = true;
    else if (state === "CONNECTED" && this.down) {
      this.down = false;
      return true;
    }
    return false;
  }
}

/**
 * After a reconnect, settles what the gap may have hidden, as a start does: reads the venue's open orders and applies
 * each as its event (repeats and older states are refused as usual), then asks about every order the engine holds as
 * working that the list left out (filled or cancelled meanwhile: see OrderGateway.refresh), every order held final with
 * more filled than its fills booked (its status came before its executions, which the gap may have lost: see
 * FillsShort), and, once answered, every placement that was on its way as the link came back and is still shown
 * working; one whose outcome stayed unknown (answer past its deadline, lookup failed) is asked about once its late
 * answer or an event books it working (see UnresolvedPlacements.askOnceSettled). Their fills mark positions and the
 * account for a read before anything is judged. A read that fails is reported; the next reconnect asks again.
 */
export async function resyncAfterReconnect(p: BarPipeline): Promise<void> {
  // Placements on their way when the link came back may have landed in the gap, and filled there: once answered, they
  // are asked about too (their answer may predate the fill, and the fill's events were lost with the gap).
  const sending = [...p.gateway.inFlight.ids()];
  let listed: unknown;
  try {
    listed = await p.gateway.readOpenOrders();
  } catch (error) {
    if (!isArgoError(error, "CONTEXT_CANCELLED")) p.reportError(toArgoError(error, "INTERNAL", p.trading.name));
    return;
  }
  if (!Array.isArray(listed)) {
    p.reportError(malformedAnswer(p.trading.name, "open orders read", listed));
    return;
  }
  const open = new Set<string>();
  for (const order of listed as unknown[]) {
    if (!isOrderLike(order)) continue;
    open.add((order as Order).clientOrderId);
    p.heardOrder(order as Order);
  }
  const missing: string[] = [];
  for (const id of p.mirror.openOrdersById.keys()) if (!open.has(id) && !p.gateway.inFlight.has(id)) missing.push(id);
  const short = p.link.fillsShort;
  if (short.size !== 0) {
    for (const id of short.due((id) => p.mirror.orders.get(id), (id) => p.bookedFills.booked(id))) missing.push(id);
  }
  await p.gateway.refresh(missing);
  if (sending.length === 0) return;
  await p.gateway.placementsOf(sending);
  // Before the refresh below: a late answer may book one while it runs. Their answer may predate the gap's news (the
  // venue refused or filled them there), and nothing else would ask.
  for (const id of sending) p.gateway.unresolved.askOnceSettled(id);
  await p.gateway.refresh(sending.filter((id) => p.mirror.openOrdersById.has(id)));
}

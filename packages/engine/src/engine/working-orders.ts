import type { OrderSide } from "@argo/core";
import { sideAgainst, workingQuantity } from "../risk/working-quantity.ts";
import type { AccountMirror } from "./account-mirror.ts";
import { type PendingIds, requestsOf } from "./pending-ids.ts";

/**
 * What works per symbol and side: the mirror's open orders plus the gateway's requests still on their way to a venue
 * that answers later, and those still waiting for their risk check (a venue read after a fill). Closes and the risk
 * limits read it through {@link WorkingOrders.quantity}, so two closes sent one after the other without waiting see
 * each other, and a close signal sized while an earlier sell waits for its check leaves that sell its share.
 */
export class WorkingOrders {
  constructor(
    private readonly mirror: AccountMirror,
    /** The gateway's orders in flight: one leaves with the venue's answer, its first event, or the failure. */
    private readonly inFlight: PendingIds,
    /** The gateway's orders waiting for their risk check: one leaves when it is checked (then sent, or refused). */
    private readonly awaitingCheck: PendingIds,
  ) {}

  /** Base quantity working in `symbol` on `side` (see workingQuantity for what counts). */
  quantity(symbol: string, side: OrderSide, lastPrice: number, equity: number): number {
    const open = this.mirror.openOrdersOf(symbol);
    // An equity-sized order against the position takes a share of it too (see estimateQuantity).
    const position = this.mirror.positionsBySymbol.get(symbol);
    const reducible = position !== undefined && sideAgainst(position) === side ? position.quantity : 0;
    return workingQuantity(
      symbol,
      side,
      open === undefined || open.size === 0 ? undefined : open.values(),
      // A simulator answers in the call: nothing is ever in flight.
      requestsOf(this.inFlight, this.awaitingCheck),
      lastPrice,
      equity,
      reducible,
    );
  }
}

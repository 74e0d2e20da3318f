import type { OrderRequest, OrderSide } from "@argo/core";
import { workingQuantity } from "../risk/working-quantity.ts";
import type { AccountMirror } from "./account-mirror.ts";
import type { PendingIds } from "./pending-ids.ts";

/**
 * What works per symbol and side: the mirror's open orders plus the strategy's requests still on their way to a venue
 * that answers later. Closes and the risk limits read it through {@link WorkingOrders.quantity}, so two closes sent one
 * after the other without waiting see each other.
 */
export class WorkingOrders {
  /** Requests sent but not yet answered, by client id; usually none (a simulator answers in the call). */
  private readonly sending = new Map<string, OrderRequest>();

  constructor(
    private readonly mirror: AccountMirror,
    /** The gateway's ids in flight: an id leaves it with the venue's answer, its first event, or the failure. */
    private readonly inFlight: PendingIds,
  ) {}

  /** Notes a request the gateway just handled: kept while its id is in flight (its answer not yet come). */
  sent(request: OrderRequest): void {
    const id = request.clientOrderId;
    // A simulator answers in the call: nothing is ever in flight, and the empty-set test costs no hashing of a new id.
    if (id === undefined || this.inFlight.size === 0 || !this.inFlight.has(id)) return;
    this.prune();
    this.sending.set(id, request);
  }

  /** Base quantity working in `symbol` on `side` (see workingQuantity for what counts). */
  quantity(symbol: string, side: OrderSide, lastPrice: number, equity: number): number {
    if (this.sending.size !== 0) this.prune();
    const open = this.mirror.openOrdersOf(symbol);
    return workingQuantity(
      symbol,
      side,
      open === undefined || open.size === 0 ? undefined : open.values(),
      this.sending.size === 0 ? undefined : this.sending.values(),
      lastPrice,
      equity,
    );
  }

  /** Forgets requests answered since: from then on the mirror holds them (or they were refused). */
  private prune(): void {
    for (const id of this.sending.keys()) if (!this.inFlight.has(id)) this.sending.delete(id);
  }
}

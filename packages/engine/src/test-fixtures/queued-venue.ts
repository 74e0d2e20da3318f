import { ArgoError, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import { FakeVenue, type FakeVenueOptions } from "./fake-venue.ts";

/** How a {@link QueuedVenue} behaves besides holding the placement. */
export interface QueuedVenueOptions extends FakeVenueOptions {
  /** Sends no events: the venue reports only through its answers. */
  answersOnly?: boolean;
  /** Once landed, the held placement is refused (INVALID_ORDER) instead of taken. */
  refuse?: boolean;
  /** Events reach the engine this many ms after they happen, order events stamped so: an answer comes before its event. */
  eventsDelayMs?: number;
}

/**
 * A venue that holds the first placement with client id `heldId` in a queue until `land()`, as a request stuck on its
 * way: its answer misses the engine's deadline, and lookups find nothing until it lands. Later placements go straight
 * through. `requests` lists every placement the venue was sent, by client id.
 */
export class QueuedVenue extends FakeVenue {
  land!: () => void;
  readonly requests: string[] = [];
  private readonly queue = new Promise<void>((resolve) => (this.land = resolve));
  private queued = false;

  constructor(
    private readonly heldId: string,
    private readonly behaviour: QueuedVenueOptions = {},
  ) {
    super(behaviour);
  }

  override async placeOrder(request: OrderRequest): Promise<Order> {
    this.requests.push(request.clientOrderId ?? "");
    if (request.clientOrderId === this.heldId && !this.queued) {
      this.queued = true;
      await this.queue;
      if (this.behaviour.refuse) throw new ArgoError("INVALID_ORDER", "price band");
    }
    return super.placeOrder(request);
  }

  protected override emit(event: TradingEvent): void {
    if (this.behaviour.answersOnly) return;
    const delay = this.behaviour.eventsDelayMs;
    if (delay === undefined) super.emit(event);
    // Stamped as received, later than the answer's copy: IB's orderStatus carries no time, so a provider stamps it on receipt.
    else setTimeout(() => super.emit(event.type === "order" ? { ...event, order: { ...event.order, updatedAt: event.order.updatedAt + delay } } : event), delay);
  }
}

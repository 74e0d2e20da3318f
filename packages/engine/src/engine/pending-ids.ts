import type { OrderRequest } from "@argo/core";

/**
 * The client ids of orders sent but not yet answered, with their requests (closes and the risk limits count what they
 * would trade, see WorkingOrders). Usually there are none: a simulated venue
 * answers within the call, yet every order answer and order event asks to delete its id. A delete
 * on an empty set returns at once instead of hashing an id that was never added (a new string is
 * hashed the first time it is used as a key).
 */
export class PendingIds {
  private readonly byId = new Map<string, OrderRequest>();

  /** Number of ids. */
  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(id: string, request: OrderRequest): void {
    this.byId.set(id, request);
  }

  /** The ids in flight. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** The request of an id in flight (undefined when it is not). */
  request(id: string): OrderRequest | undefined {
    return this.byId.get(id);
  }

  /** The requests in flight. */
  requests(): IterableIterator<OrderRequest> {
    return this.byId.values();
  }

  /** Removes an id; false when it was not there. */
  delete(id: string): boolean {
    return this.byId.size !== 0 && this.byId.delete(id);
  }
}

/**
 * The requests of several sets as one walk, undefined when all are empty (a backtest's: its simulator answers in the
 * call). Orders in flight and those still waiting for their risk check both count as working (see WorkingOrders).
 */
export function requestsOf(first: PendingIds, second: PendingIds): Iterable<OrderRequest> | undefined {
  if (second.size === 0) return first.size === 0 ? undefined : first.requests();
  if (first.size === 0) return second.requests();
  return chain(first, second);
}

function* chain(first: PendingIds, second: PendingIds): Generator<OrderRequest> {
  yield* first.requests();
  yield* second.requests();
}


import type { Order } from "@argo/core";
import { frozenCopy } from "./frozen-copy.ts";

/**
 * A placement's result as the strategy gets it: the order is a frozen copy, so a strategy that writes to it cannot change
 * the engine's record (the mirror sizes closes and risk limits from it). The copy is made when the order is first read,
 * as it stands then: most strategies never read it, and a backtest places tens of thousands of orders.
 */
export class PlacedResult {
  readonly status = "placed" as const;
  readonly #record: Order;
  #copy: Order | undefined;

  constructor(record: Order) {
    this.#record = record;
  }

  /** The order, frozen; the same copy on every read. */
  get order(): Order {
    return (this.#copy ??= frozenCopy(this.#record));
  }

  /** What JSON.stringify writes (a getter on the prototype is not an own property): status and order. */
  toJSON(): { status: "placed"; order: Order } {
    return { status: this.status, order: this.order };
  }

  /** What console.log shows, for the same reason. */
  [Symbol.for("nodejs.util.inspect.custom")](): { status: "placed"; order: Order } {
    return this.toJSON();
  }
}

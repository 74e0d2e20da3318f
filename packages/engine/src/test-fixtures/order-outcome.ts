import type { OrderResult } from "../strategy/strategy-context.ts";

/** An order result as one line a test can compare: the quantity placed, or why it was rejected or skipped. */
export function orderOutcome(r: OrderResult): string {
  return r.status === "rejected" ? `${r.code}: ${r.reason}` : r.status === "skipped" ? `skipped: ${r.reason}` : `placed ${r.order.quantity}`;
}

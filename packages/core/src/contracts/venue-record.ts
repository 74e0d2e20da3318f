import type { Bar } from "../domain/bar.ts";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";

/** What a session journal holds of a simulated account: its fills, oldest first, and the orders still working when it stopped. */
export interface VenueRecord {
  readonly fills: readonly Fill[];
  readonly workingOrders: readonly Order[];
  /**
   * The newest bar of each symbol the journal holds: the last prices the venue marked when the session stopped (and its
   * clock at their close), so positions are valued and market orders judged as before the restart, not at a fill price.
   */
  readonly lastBars?: readonly Bar[];
}

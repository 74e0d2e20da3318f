import type { Bar } from "../domain/bar.ts";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";
import type { Trade } from "../domain/trade.ts";

/** What a session journal holds of a simulated account: its fills, oldest first, and the orders still working when it stopped. */
export interface VenueRecord {
  /** Each with the name of the strategy whose order it filled, when the journal knows it (for the trade history). */
  readonly fills: ReadonlyArray<Fill & Pick<Trade, "strategyName">>;
  readonly workingOrders: readonly Order[];
  /**
   * The newest bar of each symbol the journal holds: the last prices the venue marked when the session stopped (and its
   * clock at their close), so positions are valued and market orders judged as before the restart, not at a fill price.
   */
  readonly lastBars?: readonly Bar[];
}

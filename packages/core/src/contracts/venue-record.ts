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
  /**
   * The greatest venue order id of every order the journal recorded, those that ended too, among ids ending in a digit,
   * by length and then text: for ids numbered as a prefix and a number without leading zeros, the highest-numbered. An
   * order that ended without a fill is in neither `fills` nor `workingOrders`: a venue numbering its ids continues past
   * this one too, so no new order gets the id of an ended one.
   */
  readonly greatestVenueOrderId?: string;
}

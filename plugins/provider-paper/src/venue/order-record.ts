import type { BracketLeg, Order } from "@argo/core";
import type { SymbolBook } from "./symbol-book.ts";

/** How an order's quantity is known: given, from a quote amount, or from a fraction of equity (both resolved at the first fill). */
export type Sizing = "quantity" | "quote" | "equity";

/**
 * The venue's private record of an order. `order` is the venue's own Order object, never handed out
 * (callers get snapshots); the other fields are what matching needs, kept as plain numbers so the
 * hot path does no lookups or allocations.
 */
export interface OrderRecord {
  order: Order;
  /** Placement sequence: matching and listing follow it. */
  seq: number;
  book: SymbolBook;
  buy: boolean;
  /** Venue time the order reaches the matching engine: placement time + latency. */
  arrival: number;
  /** Limit price, NaN when the order (or a triggered stop) trades at market. */
  limit: number;
  /** Trigger price of stops and bracket legs, NaN when none. */
  trigger: number;
  /** +1: fires when the price rises to `trigger`; -1: when it falls to it; 0: no trigger. */
  triggerDir: number;
  triggered: boolean;
  sizing: Sizing;
  /** End of the UTC day for DAY orders, else +Infinity. */
  expiry: number;
  /** False once the order reached a terminal status. */
  open: boolean;
  /** Σ rate × traded value so far and the fees charged so far: the per-order minimum applies to the total. */
  rateFees: number;
  feesCharged: number;
  /**
   * The amount a quote- or equity-sized order may trade, its commission included: the quote amount, or what the equity
   * fraction resolved to at the first fill (NaN until then, and for an order sized by quantity; restored, the cost of
   * its resolved quantity at its first fill's price: restore-budget.ts). budget-cap.ts keeps later fills within it.
   */
  budget: number;
  /** How much of `budget` the fills so far used: their value and fees (a quote SELL's value only; an equity order's: of what they opened only). */
  spent: number;
  /** Position quantity reserved for reducing (closing) at placement, still unfilled. */
  resReduce: number;
  /**
   * Cash still reserved for the opening part, fees included, and how much of it each opening unit releases when filled,
   * and each reducing unit (its share of the fees).
   */
  resCash: number;
  resCashPerUnit: number;
  resFeePerUnit: number;
  takeProfit: BracketLeg | undefined;
  stopLoss: BracketLeg | undefined;
  /** True while the bracket legs of this entry may still be created; cleared (and the leg ids released) once they are created or never can be. */
  legsArmed: boolean;
  /** The other leg of a one-cancels-the-other pair. */
  sibling: OrderRecord | undefined;
  /**
   * Open time of the bar a pair was last matched in as one (process-bar.ts matchPair): the later leg's own turn in that
   * bar is over then, even when the pair's fill cancelled its sibling. NaN before any.
   */
  pairMatchedAt: number;
  isLeg: boolean;
}

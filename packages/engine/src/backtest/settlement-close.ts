import type { PositionSide } from "@argo/core";

/** What the engine's closing of one position came to (the final pass, or the close when out of money). */
export interface SettlementClose {
  symbol: string;
  side: PositionSide;
  /** The position's quantity when the close was sent. */
  quantity: number;
  /** Client ids of the close orders the venue took: the trades list counts the pieces of one close as one order. */
  ids: readonly string[];
  /** Close orders the venue refused (each also counted in `ordersRejected`). */
  refusals: number;
  /** The size the close went in, when the venue refused it whole and took smaller orders. */
  piece?: number;
  /** The venue's refusal of the whole close, when it refused it. */
  firstRefusal?: string;
  /** Only when part of the position is still open after the pass: how much and why. */
  leftOpen?: { quantity: number; reason: string };
}

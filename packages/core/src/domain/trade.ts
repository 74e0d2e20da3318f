import type { Fill } from "./fill.ts";

/** A fill as recorded in the account's trade history, with the PnL it realised. */
export interface Trade extends Fill {
  /** Profit or loss this fill realised by reducing a position (0 when it only opened or added). */
  realizedPnl: number;
  strategyName?: string;
}

/** Selects trades from the history; every field narrows the result. */
export interface TradeFilter {
  symbol?: string;
  /** Inclusive epoch milliseconds. */
  from?: number;
  /** Exclusive epoch milliseconds. */
  to?: number;
  strategyName?: string;
  /** The newest `limit` trades. */
  limit?: number;
}

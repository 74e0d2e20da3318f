import type { OrderRecord } from "./order-record.ts";
import type { SymbolRules } from "./symbol-rules.ts";

/** An open position, average-cost; `quantity` is signed (negative = short). */
export interface PositionState {
  quantity: number;
  averagePrice: number;
  realizedPnl: number;
  fees: number;
  openedAt: number;
  updatedAt: number;
}

/** Everything the venue keeps per symbol: rules, open orders (in placement order), last price, position. */
export interface SymbolBook {
  symbol: string;
  rules: SymbolRules;
  /** Open orders by placement order; terminal ones are dropped lazily (`dead` counts them). */
  orders: OrderRecord[];
  dead: number;
  /** Last close seen, NaN before the first bar. */
  mark: number;
  /**
   * Open of the bar that set `mark`, and that bar's close time (-Infinity when no bar set it). A fill at a time before
   * `markClose` (another symbol's bar of the same time step, fed after this one) values this book at `openMark`: the
   * close is not known yet then (ledger.ts).
   */
  openMark: number;
  markClose: number;
  /** Volume of the last bar (for slippage estimates). */
  volume: number;
  position: PositionState | undefined;
  /** Quantities open orders reserved to reduce a long (sells) or a short (buys). */
  reservedSellReduce: number;
  reservedBuyReduce: number;
  /** How many of `orders` are open, per side: a fill looks for orders to judge again (rejudge-reductions.ts) only on a side that has some. */
  openBuys: number;
  openSells: number;
}

/** A new, empty book. */
export function createSymbolBook(symbol: string, rules: SymbolRules): SymbolBook {
  return {
    symbol,
    rules,
    orders: [],
    dead: 0,
    mark: Number.NaN,
    openMark: Number.NaN,
    markClose: Number.NEGATIVE_INFINITY,
    volume: 0,
    position: undefined,
    reservedSellReduce: 0,
    reservedBuyReduce: 0,
    openBuys: 0,
    openSells: 0,
  };
}

/** Drops terminal orders from the book's list, keeping placement order. */
export function compactBook(book: SymbolBook): void {
  const list = book.orders;
  let w = 0;
  for (let i = 0; i < list.length; i++) {
    const rec = list[i]!;
    if (rec.open) list[w++] = rec;
  }
  list.length = w;
  book.dead = 0;
}

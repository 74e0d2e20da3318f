import type { Fill } from "@argo/core";

/** The fills table's columns, in the order {@link FillRow} reads them (prefix each with an alias where joined). */
export const FILL_COLUMNS = ["id", "client_order_id", "venue_order_id", "symbol", "side", "quantity", "price", "fee", "time", "fee_currency", "liquidity"] as const;

/** A row of the fills table. */
export interface FillRow {
  id: string;
  client_order_id: string;
  venue_order_id: string | null;
  symbol: string;
  side: Fill["side"];
  quantity: number;
  price: number;
  fee: number;
  time: number;
  fee_currency: string | null;
  liquidity: Fill["liquidity"] | null;
}

/** The fill a row of the fills table records; absent optional fields (stored as NULL) stay absent. */
export function toFill(r: FillRow): Fill {
  return {
    id: r.id, clientOrderId: r.client_order_id, venueOrderId: r.venue_order_id ?? "", symbol: r.symbol, side: r.side,
    quantity: r.quantity, price: r.price, fee: r.fee, time: r.time,
    ...(r.fee_currency === null ? {} : { feeCurrency: r.fee_currency }),
    ...(r.liquidity === null ? {} : { liquidity: r.liquidity }),
  };
}

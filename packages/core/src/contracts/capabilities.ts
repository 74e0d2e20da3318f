import type { OrderType, TimeInForce } from "../domain/order-request.ts";

/** Whether a venue does something natively, Argo emulates it, or it cannot be done (ccxt-style). */
export type Support = "supported" | "emulated" | "absent";

/** Asset classes a provider can trade or serve data for. */
export type AssetClass = "crypto" | "equity" | "forex" | "future" | "option" | "index";

/** Optional features beyond the basic contract. */
export type Feature =
  | "bracketOrders"
  | "quoteOrderQuantity"
  | "equitySizing"
  | "shortSelling"
  | "partialFills"
  | "cancelAll"
  | "batchOrders"
  | "streaming"
  | "history";

/** What a provider supports; anything not listed counts as absent. */
export interface Capabilities {
  orderTypes?: Partial<Record<OrderType, Support>>;
  timeInForce?: Partial<Record<TimeInForce, Support>>;
  assetClasses?: Partial<Record<AssetClass, Support>>;
  features?: Partial<Record<Feature, Support>>;
}

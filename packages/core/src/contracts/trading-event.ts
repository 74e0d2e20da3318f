import type { ArgoError } from "../errors/argo-error.ts";
import type { Account } from "../domain/account.ts";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";
import type { Position } from "../domain/position.ts";
import type { ConnectionState } from "./connection-state.ts";

/** Something that happened at a trading venue, in the order it happened. */
export type TradingEvent =
  | { type: "order"; order: Order }
  | { type: "fill"; fill: Fill; order: Order }
  /** `position` is undefined when the symbol went flat. */
  | { type: "position"; symbol: string; position: Position | undefined }
  | { type: "account"; account: Account }
  | { type: "connection"; state: ConnectionState; error?: ArgoError };

/** Receives trading events synchronously, in venue order. */
export type TradingEventListener = (event: TradingEvent) => void;

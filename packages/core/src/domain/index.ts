export type { Bar } from "./bar.ts";
export type {
  OrderSide,
  OrderType,
  TimeInForce,
  PositionSide,
  BracketLeg,
  OrderRequest,
} from "./order-request.ts";
export type { OrderStatus, Order } from "./order.ts";
export { TERMINAL_ORDER_STATUSES, isTerminalStatus } from "./order.ts";
export type { Fill } from "./fill.ts";
export type { Trade, TradeFilter } from "./trade.ts";
export type { Position } from "./position.ts";
export type { Account } from "./account.ts";
export { stepDecimals } from "./step-decimals.ts";

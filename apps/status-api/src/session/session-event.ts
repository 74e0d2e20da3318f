import type { Bar, ErrorCode, Fill, Order } from "@argo/core";

/** Whether the session may open positions, may only reduce them, or may not trade at all. */
export type TradingState = "ACTIVE" | "REDUCING" | "HALTED";

/** A secret-free summary of an error for the event feed (never a stack trace or a raw cause). */
export interface SessionErrorData {
  code: ErrorCode;
  message: string;
  provider?: string;
}

/** A change of the session's trading state, with why it happened. */
export interface SessionStateData {
  tradingState: TradingState;
  previous?: TradingState;
  reason?: string;
}

/** A bar the session processed. */
export interface SessionBarEvent {
  type: "bar";
  /** Wall-clock epoch milliseconds when the session saw it. */
  time: number;
  data: Bar;
}

/** An order was placed or changed status (the order as it stands now). */
export interface SessionOrderEvent {
  type: "order";
  time: number;
  data: Order;
}

/** An execution of (part of) an order. */
export interface SessionFillEvent {
  type: "fill";
  time: number;
  data: Fill;
}

/** An error the session reported (it may keep running). */
export interface SessionErrorEvent {
  type: "error";
  time: number;
  data: SessionErrorData;
}

/** The trading state changed. */
export interface SessionStateEvent {
  type: "state";
  time: number;
  data: SessionStateData;
}

/** Everything a running session reports to the status API, discriminated by `type`. */
export type SessionEvent = SessionBarEvent | SessionOrderEvent | SessionFillEvent | SessionErrorEvent | SessionStateEvent;

/** The `type` values of {@link SessionEvent}. */
export type SessionEventType = SessionEvent["type"];

/** Receives session events; must not throw (a throwing listener is isolated, not retried). */
export type SessionListener = (event: SessionEvent) => void;

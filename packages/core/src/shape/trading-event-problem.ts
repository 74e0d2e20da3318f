import { kindOf, within } from "./describe-value.ts";
import { type FillOwner, fillProblem } from "./fill-problem.ts";
import { accountProblem, positionProblem } from "./holding-problems.ts";
import { orderProblem } from "./order-problem.ts";

const CONNECTION_STATES: ReadonlySet<unknown> = new Set(["DISCONNECTED", "CONNECTING", "CONNECTED", "RECONNECTING"]);

/**
 * What is wrong with a trading event a venue emitted, or undefined when it has what the mirror, the journal, the risk
 * checks and the callbacks read. A NaN quantity or balance kept would slip past every limit.
 */
export function tradingEventProblem(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null || Array.isArray(event)) return `an event that is ${kindOf(event)}`;
  const e = event as Record<string, unknown>;
  switch (e.type) {
    case "order":
      return within("an order event whose order", orderProblem(e.order));
    case "fill": {
      const problem = orderProblem(e.order);
      if (problem !== undefined) return `a fill event whose order ${problem}`;
      const order = e.order as FillOwner;
      return within(`a fill event (order ${order.clientOrderId}) whose fill`, fillProblem(e.fill, order));
    }
    case "position":
      if (typeof e.symbol !== "string" || e.symbol === "") return "a position event without a symbol";
      return within(`a position event for ${e.symbol} whose position`, positionProblem(e.position, e.symbol));
    case "account":
      return within("an account event whose account", accountProblem(e.account));
    case "connection":
      if (!CONNECTION_STATES.has(e.state)) return "a connection event whose state is none of DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING";
      return e.error === undefined || e.error instanceof Error ? undefined : `a connection event whose error is ${kindOf(e.error)}, not an Error`;
    default:
      return "an event of no known type (order, fill, position, account, connection)";
  }
}

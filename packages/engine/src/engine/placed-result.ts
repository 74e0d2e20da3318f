import type { Order } from "@argo/core";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { frozenCopy } from "./frozen-copy.ts";

/**
 * A placement's result as the strategy gets it: the order is a frozen copy, so a strategy that writes to it cannot change
 * the engine's record (the mirror sizes closes and risk limits from it). The copy is made when the order is first read,
 * as it stands then, less any fill the engine refused (`kept`): most strategies never read it, and a backtest places tens of thousands of orders. `order` is an own,
 * enumerable getter, so the result spreads, clones and compares (toEqual) as the plain object its type says it is.
 */
export function placedResult(record: Order, kept: (order: Order) => Order): OrderResult {
  let copy: Order | undefined;
  return {
    status: "placed",
    get order(): Order {
      // Read after the answer's fills were judged: without any the engine refused (BarPipeline.keptOrder).
      return (copy ??= frozenCopy(kept(record)));
    },
  };
}

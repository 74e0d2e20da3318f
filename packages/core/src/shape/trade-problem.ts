import { amountProblem, kindOf, textProblem, venueIdProblem } from "./describe-value.ts";
import { executionProblem } from "./fill-problem.ts";

/** What a trade of a venue's history lacks: a fill's own fields (ids, symbol, side, amounts, time) and a realised PnL. */
export function tradeProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `is ${kindOf(value)}, not a trade`;
  const trade = value as Record<string, unknown>;
  const named = textProblem("id", trade.id) ?? textProblem("clientOrderId", trade.clientOrderId) ?? venueIdProblem(trade.venueOrderId) ?? textProblem("symbol", trade.symbol);
  if (named !== undefined) return named;
  if (trade.side !== "BUY" && trade.side !== "SELL") return "has a side that is neither BUY nor SELL";
  return executionProblem(trade) ?? amountProblem("realizedPnl", trade.realizedPnl, "any");
}

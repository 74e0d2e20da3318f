import { amountProblem, kindOf } from "./describe-value.ts";

/** What a position lacks of what the risk checks, the closes and the equity read; undefined or null means flat and fits. */
export function positionProblem(value: unknown, symbol: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) return `is ${kindOf(value)}, not a position`;
  const position = value as Record<string, unknown>;
  if (position.symbol !== symbol) return `names another symbol than ${symbol}`;
  if (position.side !== "LONG" && position.side !== "SHORT") return "has a side that is neither LONG nor SHORT";
  return (
    amountProblem("quantity", position.quantity, "at least 0") ??
    amountProblem("averagePrice", position.averagePrice, "any") ??
    amountProblem("marketPrice", position.marketPrice, "any")
  );
}

/** What an account lacks of what the equity, the sizing and the drawdown checks read. */
export function accountProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `is ${kindOf(value)}, not an account`;
  const account = value as Record<string, unknown>;
  return amountProblem("balance", account.balance, "any") ?? amountProblem("equity", account.equity, "any");
}

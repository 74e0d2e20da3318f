import type { Trade } from "../domain/trade.ts";

/**
 * Fees `trades` charged in the account's `currency`: a fee paid in another asset (Binance's BNB, or the base asset of a
 * buy) is no part of the account's cash or `totalFees`, which are in the account currency. A fee without a currency
 * counts as the account's.
 */
export function feesInCurrency(trades: readonly Trade[], currency: string): number {
  let fees = 0;
  for (const trade of trades) if (trade.feeCurrency === undefined || trade.feeCurrency === currency) fees += trade.fee;
  return fees;
}

/** The cash `trades` moved in the account's `currency`: sells in, buys out, less the fees charged in it. */
export function cashMoved(trades: readonly Trade[], currency: string): number {
  const notional = trades.reduce((sum, t) => sum + (t.side === "BUY" ? -1 : 1) * t.quantity * t.price, 0);
  return notional - feesInCurrency(trades, currency);
}

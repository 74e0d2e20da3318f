import { ArgoError, type Order } from "@argo/core";
import type { Journal } from "../journal/journal.ts";

/**
 * Warnings (INVALID_CONFIGURATION, reported through onError, never fatal) for a position or a working order the journal
 * holds in a symbol the session no longer trades: one per symbol, naming the position, the orders and how to manage them.
 *
 * Not a refusal: a live venue holds that position and those orders whatever this session's symbols are, so refusing would
 * only keep the strategy from running (and from managing its other symbols) until the config named the symbol again. They
 * stay in the account: a paper account is taken back whole, and the journal's working orders are still settled with the
 * venue at every start. But this session gets no bars for the symbol, so its strategy does not see or close it; the
 * warning says so, at every start, until the symbol is flat and its orders have ended.
 */
export function journalSymbolWarnings(journal: Journal, unfinished: readonly Order[], symbols: readonly string[]): ArgoError[] {
  const traded = new Set(symbols.map((symbol) => journal.stored(symbol)));
  const held = new Map<string, { net: number; orders: string[] }>();
  const entry = (symbol: string) => held.get(symbol) ?? held.set(symbol, { net: 0, orders: [] }).get(symbol)!;
  for (const { symbol, net, traded: volume } of journal.filledNets()) {
    // Fills that add up to flat leave float dust (0.1 + 0.2 - 0.3): that is no position.
    if (!traded.has(symbol) && Math.abs(net) > volume * 1e-9) entry(symbol).net = net;
  }
  for (const order of unfinished) {
    if (!traded.has(order.symbol)) entry(order.symbol).orders.push(order.clientOrderId);
  }
  return [...held].map(([symbol, { net, orders }]) => {
    const parts = [
      ...(net === 0 ? [] : [`a ${net > 0 ? "long" : "short"} position of ${round(Math.abs(net))}`]),
      ...(orders.length === 0 ? [] : [`${orders.length === 1 ? "a working order" : `${orders.length} working orders`} (${orders.join(", ")})`]),
    ];
    return new ArgoError(
      "INVALID_CONFIGURATION",
      `symbols: the session journal ${journal.path} holds ${parts.join(" and ")} in ${symbol}, which is not among this session's ` +
        `symbols (${symbols.join(", ")}). What is held there stays in the account (a venue holds it either way), but this session ` +
        `gets no bars for ${symbol} and its strategy does not trade it: add ${symbol} back to the symbols to close or cancel it`,
      { details: { field: "symbols", symbol, position: net, openOrders: orders, path: journal.path } },
    );
  });
}

/** Quantities summed from fills, without the float tail of the sum. */
function round(quantity: number): number {
  return Number(quantity.toPrecision(12));
}

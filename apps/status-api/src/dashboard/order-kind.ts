// What kind of order a row shows, as browser source: the page script embeds it and the tests evaluate the same text
// (see candle-of-fill.ts). Plain ES2020, no template literals (see dashboard-script.ts).

/**
 * Browser source defining `orderKind(order)`: the order's type, except a bracket's take-profit leg. Core has no
 * take-profit type, so venues carry the leg as a STOP (or STOP_LIMIT) with `reason: "take-profit"`; shown as such, a
 * SELL STOP above the market reads as an order that should have triggered already. Shown as Binance names the kind:
 * TAKE_PROFIT / TAKE_PROFIT_LIMIT.
 */
export const ORDER_KIND_SCRIPT = String.raw`
function orderKind(order) {
  if (order.parentClientOrderId === undefined || order.reason !== "take-profit") return order.type;
  return order.type === "STOP_LIMIT" ? "TAKE_PROFIT_LIMIT" : order.type === "STOP" ? "TAKE_PROFIT" : order.type;
}`;

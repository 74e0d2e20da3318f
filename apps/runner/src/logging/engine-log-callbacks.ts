import type { EngineCallbacks, Logger } from "@argo/engine";
import type { Logger as Pino } from "pino";

/** Engine callbacks that write the session's story to the log: start, orders, fills, refusals, errors, stop. */
export function engineLogCallbacks(log: Pino): EngineCallbacks {
  return {
    onEngineStart: (symbols, interval, journal) => log.info({ symbols, interval, journal }, "engine started"),
    onEngineStop: (error) => (error ? log.error({ code: error.code }, `engine stopped: ${error.message}`) : log.info("engine stopped")),
    onOrderPlaced: (order) =>
      log.info({ clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol: order.symbol, side: order.side, type: order.type, ...orderSize(order) }, "order placed"),
    onOrderFilled: (fill) => log.info({ clientOrderId: fill.clientOrderId, symbol: fill.symbol, side: fill.side, quantity: fill.quantity, price: fill.price, fee: fill.fee, ...(fill.feeCurrency === undefined ? {} : { feeCurrency: fill.feeCurrency }) }, "fill"),
    onOrderRejected: (r) => log.warn({ code: r.code, source: r.source, symbol: r.request.symbol, side: r.request.side }, `order refused: ${r.reason}`),
    onTradingStateChange: (c) => log.warn({ from: c.from, to: c.to }, `trading state ${c.to}: ${c.reason}`),
    onError: (error) => log.warn({ code: error.code, provider: error.provider }, error.message),
    onStrategyError: (error, bar) => log.error({ code: error.code, symbol: bar?.symbol, openTime: bar?.openTime }, `strategy error: ${error.message}`),
  };
}

/** The strategy's ctx.log, written through the runner's logger. */
export function strategyLogger(log: Pino): Logger {
  const child = log.child({ source: "strategy" });
  return {
    debug: (message, fields) => child.debug(fields ?? {}, message),
    info: (message, fields) => child.info(fields ?? {}, message),
    warn: (message, fields) => child.warn(fields ?? {}, message),
    error: (message, fields) => child.error(fields ?? {}, message),
  };
}

/** How an order is sized: a quote- or equity-sized order has no quantity until the venue resolves it at fill time. */
function orderSize(order: { quantity: number; quoteAmount?: number; equityFraction?: number }): Record<string, number> {
  if (order.quantity > 0) return { quantity: order.quantity };
  if (order.quoteAmount !== undefined) return { quoteAmount: order.quoteAmount };
  if (order.equityFraction !== undefined) return { equityFraction: order.equityFraction };
  return { quantity: order.quantity };
}

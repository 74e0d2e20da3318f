import type { Bar } from "../domain/bar.ts";
import type { Order } from "../domain/order.ts";
import type { OrderRequest } from "../domain/order-request.ts";
import type { TradingProvider } from "./trading-provider.ts";

/**
 * A trading provider whose prices come from the engine rather than a venue. The engine calls
 * `processBar` with each bar *before* the strategy sees it, so orders placed on bar t execute
 * against bar t+1 at the earliest: no fill can use a price from before the order arrived.
 */
export interface SimulatedVenue extends TradingProvider {
  readonly simulated: true;
  /** Executes working orders against a newly closed bar and marks positions at its close. */
  processBar(bar: Bar): void;
  /** Sets the venue clock (epoch ms); latency and DAY expiry are measured on it, never on the wall clock. */
  setTime(time: number): void;
  /**
   * Optional: `placeOrder` answered in the same call (the placed order, or a thrown error), for a
   * simulator that never waits for anything. A backtest places tens of thousands of orders, and the
   * promise steps of the asynchronous contract cost more than the simulated placement itself.
   */
  placeOrderSync?(request: OrderRequest): Order;
}

/** True when the trading provider is a simulator the engine must feed with bars. */
export function isSimulatedVenue(provider: TradingProvider): provider is SimulatedVenue {
  const candidate = provider as Partial<SimulatedVenue>;
  return candidate.simulated === true && typeof candidate.processBar === "function";
}

import type { Bar } from "../domain/bar.ts";
import type { Order } from "../domain/order.ts";
import type { OrderRequest } from "../domain/order-request.ts";
import type { TradingProvider } from "./trading-provider.ts";
import type { VenueRecord } from "./venue-record.ts";

/**
 * A trading provider whose prices come from the engine rather than a venue. The engine calls
 * `processBar` with each bar *before* the strategy sees it, so orders placed on bar t execute
 * against bar t+1 at the earliest: no fill can use a price from before the order arrived.
 */
export interface SimulatedVenue extends TradingProvider {
  readonly simulated: true;
  /** Executes working orders against a newly closed bar and marks positions at its close. */
  processBar(bar: Bar): void;
  /**
   * Sets the venue clock (epoch ms); latency and DAY expiry are measured on it, never on the wall clock. The engine sets
   * it to each bar's close before `processBar`, and once to the first bar's open before that: orders placed before any
   * bar (a live strategy's `init`) meet the market there. A DAY order whose day ended by `time` may expire lazily, but
   * no later than the venue's next call (a backtest's end of data relies on it: it sets the clock, then asks once more).
   */
  setTime(time: number): void;
  /**
   * Optional: `placeOrder` answered in the same call (the placed order, or a thrown error), for a
   * simulator that never waits for anything. A backtest places tens of thousands of orders, and the
   * promise steps of the asynchronous contract cost more than the simulated placement itself.
   */
  placeOrderSync?(request: OrderRequest): Order;
  /**
   * Optional: a simulator keeps no account between sessions, where a broker does. A paper session resumed from its
   * journal calls this once, after connect and before anything else, with what the journal recorded: the venue books
   * the fills into cash and positions (with their recorded fees) and takes the working orders back, so the account goes
   * on where the previous session left it. Throws an ArgoError naming what it cannot take back.
   */
  restore?(record: VenueRecord): void;
  /**
   * Optional: the session's symbols, told once after connect (and after `restore`) and before the strategy's init. A
   * simulator that learns a symbol from its first bar, and refuses others as typos, takes orders for these from init on,
   * as a broker does; a symbol its own config rules out stays refused.
   */
  addSymbols?(symbols: readonly string[]): void;
}

/** True when the trading provider is a simulator the engine must feed with bars. */
export function isSimulatedVenue(provider: TradingProvider): provider is SimulatedVenue {
  const candidate = provider as Partial<SimulatedVenue>;
  return candidate.simulated === true && typeof candidate.processBar === "function";
}

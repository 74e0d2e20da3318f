import type { Bar } from "../domain/bar.ts";
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
}

/** True when the trading provider is a simulator the engine must feed with bars. */
export function isSimulatedVenue(provider: TradingProvider): provider is SimulatedVenue {
  const candidate = provider as Partial<SimulatedVenue>;
  return candidate.simulated === true && typeof candidate.processBar === "function";
}

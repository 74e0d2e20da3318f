import type { ArgoError, Bar } from "@argo/core";
import { venueError } from "./errors.ts";
import type { VenueState } from "./venue-state.ts";

/** Refuses a bar without a symbol or a usable open time (INVALID_DATA): nothing can be learned from it, not even the time. */
export function validateBarTime(state: VenueState, bar: Bar): void {
  if (typeof bar.symbol !== "string" || bar.symbol.length === 0) throw invalidBar(state, bar, "symbol must be a non-empty string");
  if (!Number.isFinite(bar.openTime)) throw invalidBar(state, bar, `openTime must be epoch milliseconds, got ${bar.openTime}`);
}

/** What makes a bar's prices or volume impossible (they could produce impossible fills), or undefined. */
export function barPriceProblem(bar: Bar): string | undefined {
  const { open, high, low, close } = bar;
  if (!(open > 0 && high > 0 && low > 0 && close > 0) || !Number.isFinite(high)) return "open, high, low and close must be positive numbers";
  if (!(low <= open && low <= close && high >= open && high >= close)) return `low ${low} and high ${high} must bound open ${open} and close ${close}`;
  if (!(bar.volume >= 0) || !Number.isFinite(bar.volume)) return `volume must be a non-negative number, got ${bar.volume}`;
  return undefined;
}

/** INVALID_DATA naming the bar and what is wrong with it. */
export function invalidBar(state: VenueState, bar: Bar, problem: string): ArgoError {
  return venueError(state, "INVALID_DATA", `invalid bar for ${String(bar.symbol)} at ${bar.openTime}: ${problem}`, {
    symbol: bar.symbol,
    openTime: bar.openTime,
  });
}

import type { Bar } from "@argo/core";
import { venueError } from "./errors.ts";
import type { VenueState } from "./venue-state.ts";

/** Refuses a bar that could produce impossible fills (INVALID_DATA naming the field). */
export function validateBar(state: VenueState, bar: Bar): void {
  const { open, high, low, close } = bar;
  let problem: string | undefined;
  if (typeof bar.symbol !== "string" || bar.symbol.length === 0) problem = "symbol must be a non-empty string";
  else if (!Number.isFinite(bar.openTime)) problem = `openTime must be epoch milliseconds, got ${bar.openTime}`;
  else if (!(open > 0 && high > 0 && low > 0 && close > 0) || !Number.isFinite(high)) problem = "open, high, low and close must be positive numbers";
  else if (!(low <= open && low <= close && high >= open && high >= close)) {
    problem = `low ${low} and high ${high} must bound open ${open} and close ${close}`;
  } else if (!(bar.volume >= 0) || !Number.isFinite(bar.volume)) problem = `volume must be a non-negative number, got ${bar.volume}`;
  if (problem !== undefined) {
    throw venueError(state, "INVALID_DATA", `invalid bar for ${String(bar.symbol)} at ${bar.openTime}: ${problem}`, {
      symbol: bar.symbol,
      openTime: bar.openTime,
    });
  }
}

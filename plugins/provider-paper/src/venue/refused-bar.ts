import { type Bar, barCloseTime } from "@argo/core";
import { expireDayOrders } from "./day-expiry.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Settles the clock for a bar the venue refused (impossible prices). The engine moved the clock to the bar's
 * close before feeding it, and the sweep that made due belongs to this bar (day-expiry.ts): left to the venue's
 * next call, it would expire other symbols' DAY orders whose day ends in this period before their own bars of
 * it could trade them. So the refused bar sweeps like one that traded nothing: every symbol's DAY orders whose
 * day ended by its open, and its own symbol's whose day ended by its close (the clock, at most).
 */
export function settleRefusedBar(state: VenueState, bar: Bar): void {
  const openTime = bar?.openTime;
  if (typeof bar?.symbol !== "string" || typeof bar.interval !== "string" || !Number.isFinite(openTime)) return;
  let closeTime: number;
  try {
    closeTime = barCloseTime(openTime, bar.interval);
  } catch {
    return; // an unreadable interval as well: the error about the bar's prices is the one to report
  }
  // A bar whose times say nothing (NaN) or that ends before the clock did not take the sweep over: the next call does it.
  if (!(closeTime >= state.now)) return;
  state.clockSweepDue = false;
  const now = state.now;
  expireDayOrders(state, openTime < now ? openTime : now, state.books.get(bar.symbol), now);
}

import { type Bar, isSimulatedVenue, type TradingProvider } from "@argo/core";
import type { Journal } from "../journal/journal.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";

/**
 * A paper session resumed from its journal hands a simulated venue what the journal recorded of its account (every
 * fill, the orders still working and each symbol's newest bar, its last price), so cash, positions and working orders
 * go on where the previous session stopped instead of starting afresh under a strategy whose state did not. Only a
 * journal every session of which was paper: a live session's fills happened at a broker, not on this simulator.
 * `held`: the journal's bars the session warms its cache with (per symbol, oldest first); the newest of each is its last price.
 */
export function restoreSimulatedAccount(
  journal: Journal,
  trading: TradingProvider,
  mode: EngineMode,
  held: readonly Bar[],
): void {
  if (mode !== "paper" || !isSimulatedVenue(trading) || trading.restore === undefined) return;
  const modes = journal.recordedModes();
  if (modes.length === 0 || modes.some((recorded) => recorded !== "paper")) return;
  const newest = new Map<string, Bar>();
  for (const bar of held) newest.set(bar.symbol, bar);
  const lastBars = [...newest.values()];
  trading.restore({ fills: journal.recordedFills(), workingOrders: journal.unfinishedOrders(), lastBars });
}

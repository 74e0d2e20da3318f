import { ArgoError, type Bar, isArgoError, isSimulatedVenue, type Order, type TradingProvider } from "@argo/core";
import type { Journal } from "../journal/journal.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";

/**
 * A paper session resumed from its journal hands a simulated venue what the journal recorded of its account (every
 * fill, the orders still working, each symbol's newest bar (its last price) and the greatest venue order id of all its
 * orders, ended ones too, for the venue's numbering to go on past), so cash, positions and working orders
 * go on where the previous session stopped instead of starting afresh under a strategy whose state did not. Only a
 * journal every session of which was paper: a live session's fills happened at a broker, not on this simulator.
 * assertJournalFits refuses a paper session such a journal before this runs; should one get here anyway, it is refused
 * too (INVALID_CONFIGURATION), not resumed with a fresh account under the state that live session left.
 * A refusal of the venue (a fill it cannot book: the journal changed by hand) names the journal it came from. A fill
 * its recorded order does not cover the journal refuses itself (Journal.recordedFills), and a journal holding orders,
 * fills or state without a sessions row (so without modes here) was refused when opened (openJournalTables).
 * `held`: the journal's bars the session warms its cache with (per symbol, oldest first); the newest of each is its last price.
 * `workingOrders`: the journal's unfinished orders when the caller read them already (start-up reads them once).
 */
export function restoreSimulatedAccount(
  journal: Journal,
  trading: TradingProvider,
  mode: EngineMode,
  held: readonly Bar[],
  workingOrders?: readonly Order[],
): void {
  if (mode !== "paper" || !isSimulatedVenue(trading) || trading.restore === undefined) return;
  const modes = journal.recordedModes();
  if (modes.length === 0) return;
  const others = modes.filter((recorded) => recorded !== "paper");
  if (others.length > 0) {
    throw new ArgoError(
      "INVALID_CONFIGURATION",
      `session journal ${journal.path} also holds ${others.join("/")} sessions: a paper account is resumed only from paper sessions' fills; give this session another sessionDir`,
      { details: { field: "sessionDir", path: journal.path, modes } },
    );
  }
  const newest = new Map<string, Bar>();
  for (const bar of held) newest.set(bar.symbol, bar);
  const lastBars = [...newest.values()];
  // The greatest venue order id: ended orders too, so the venue never numbers a new order with an ended one's id.
  const greatest = journal.greatestVenueOrderId();
  const record = {
    fills: journal.recordedFills(), workingOrders: workingOrders ?? journal.unfinishedOrders(), lastBars,
    ...(greatest === undefined ? {} : { greatestVenueOrderId: greatest }),
  };
  try {
    trading.restore(record);
  } catch (error) {
    if (!isArgoError(error)) throw error;
    throw new ArgoError(error.code, `resuming the paper account from the session journal ${journal.path}: ${error.message}`, {
      ...(error.provider === undefined ? {} : { provider: error.provider }),
      details: { ...error.details, path: journal.path },
      cause: error,
    });
  }
}

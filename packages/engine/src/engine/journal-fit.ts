import { ArgoError } from "@argo/core";
import { dirname } from "node:path";
import type { Journal } from "../journal/journal.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";

/**
 * Refuses a journal the session must not write into or resume from (INVALID_CONFIGURATION, before init). A backtest
 * replays from its own start: another run's bars would be its cache, that run's state its own, and its orders (the same
 * `bt-` ids every run) would overwrite the recorded ones. A live or paper session resumes bars and state from its
 * journal, and a backtest's are history and a simulation's state, not where that session left off.
 *
 * A live or paper session also resumes orders and (paper) the account: it takes over only what sessions of its own mode
 * and strategy recorded. A live session must never act on a simulation's positions, orders or state (it would ask the
 * broker about orders that never existed and run on a state no real trade made), nor a paper session book a broker's fills;
 * and another strategy would take over this one's state keys, working orders and positions as if they were its own.
 * A change of symbols or interval is allowed: adding a symbol is an ordinary change, and what is left in a symbol no
 * longer traded is reported by {@link journalSymbolWarnings}.
 */
export function assertJournalFits(journal: Journal, mode: EngineMode, strategy: string): void {
  const modes = journal.recordedModes();
  if (mode === "backtest" && modes.length > 0) {
    throw new ArgoError(
      "INVALID_CONFIGURATION",
      `sessionDir: ${journal.path} already holds the journal of an earlier ${modes.join("/")} session; a backtest records into a journal of its own: give it a new or empty sessionDir`,
      { details: { field: "sessionDir", path: journal.path, modes } },
    );
  }
  if (mode !== "backtest" && modes.includes("backtest")) {
    throw new ArgoError(
      "INVALID_CONFIGURATION",
      `sessionDir: ${journal.path} holds a backtest's journal; a ${mode} session resumes its bars and strategy state only from live or paper sessions: give it another sessionDir`,
      { details: { field: "sessionDir", path: journal.path, modes } },
    );
  }
  if (mode === "backtest") return;
  const otherModes = modes.filter((recorded) => recorded !== mode);
  if (otherModes.length > 0) {
    const known = otherModes.every((recorded) => recorded === "live" || recorded === "paper");
    const what = !known
      ? "it must not take over positions, orders and state another kind of session left"
      : mode === "live"
        ? "a live session must not take over a simulation's positions, orders and state"
        : "a paper session must not take over a live account's positions, orders and state";
    throw notItsJournal(journal, `the journal of a ${otherModes.join("/")} session`, `this one is ${mode}: ${what}`, { modes });
  }
  const own = journal.stored(strategy);
  const others = journal.recordedStrategies().filter((name) => name !== own);
  if (others.length > 0) {
    const names = others.map((name) => JSON.stringify(name)).join(", ");
    throw notItsJournal(
      journal,
      `the journal of strategy ${names} (its positions, working orders and state)`,
      `this session runs strategy ${JSON.stringify(own)}, which must not take them over as its own`,
      { strategies: others },
    );
  }
}

/** INVALID_CONFIGURATION naming the session directory (the runner's data_dir) and the two ways on. */
function notItsJournal(journal: Journal, holds: string, why: string, details: Record<string, unknown>): ArgoError {
  const dir = dirname(journal.path);
  return new ArgoError(
    "INVALID_CONFIGURATION",
    `sessionDir: ${dir} holds ${holds}; ${why}. Give this session another session directory (engine.data_dir in an argo config), ` +
      `or move ${dir} away to start afresh`,
    { details: { field: "sessionDir", path: journal.path, ...details } },
  );
}

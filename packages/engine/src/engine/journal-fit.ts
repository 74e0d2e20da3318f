import { ArgoError } from "@argo/core";
import type { Journal } from "../journal/journal.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";

/**
 * Refuses a journal the session must not write into or resume from (INVALID_CONFIGURATION, before init). A backtest
 * replays from its own start: another run's bars would be its cache, that run's state its own, and its orders (the same
 * `bt-` ids every run) would overwrite the recorded ones. A live or paper session resumes bars and state from its
 * journal, and a backtest's are history and a simulation's state, not where that session left off.
 */
export function assertJournalFits(journal: Journal, mode: EngineMode): void {
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
}

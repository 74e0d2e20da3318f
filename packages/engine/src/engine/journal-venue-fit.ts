import { type Account, ArgoError } from "@argo/core";
import { dirname } from "node:path";
import type { Journal, JournalVenue, RecordedVenue } from "../journal/journal.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";

/**
 * The account key of a simulated venue: the currency and cash it starts with, read from the fresh venue before a resume
 * rebuilds its account. A simulator has no account id, and its config is what its account is: a paper journal resumed
 * with another starting cash would book the recorded fills against cash they were never paid from (10,000 spent of
 * 1,000 leaves -8,000), and with another currency would add up amounts in two currencies.
 */
export function simulatedAccountKey(start: Pick<Account, "currency" | "balance">): string {
  return `starting cash ${start.balance} ${start.currency}`;
}

/** Throws INVALID_CONFIGURATION unless the engine option `account` is absent or a non-empty string (its value is never echoed). */
export function assertAccountOption(account: unknown): asserts account is string | undefined {
  if (account === undefined || (typeof account === "string" && account !== "")) return;
  throw new ArgoError("INVALID_CONFIGURATION", "engine config: account must be a non-empty string naming the venue account, or left out", {
    details: { field: "account" },
  });
}

/**
 * Refuses (INVALID_CONFIGURATION, before init) a live or paper session a journal its sessions recorded at another trading
 * venue, or at another account of it. Resumed there, it would ask a broker about orders that broker never had and record
 * them FAILED for good (the account that has them is never asked again), or book a paper account's fills into another.
 * What a session does not know is not held against it: a journal written before venues were recorded (NULL) and a
 * session without an account key (a network venue given no `account`) are compared by what both know, the venue name.
 * Compared as stored: secrets replaced, so a secret account id is never named in the error, only "[REDACTED]".
 */
export function assertJournalVenue(journal: Journal, mode: EngineMode, venue: JournalVenue): void {
  if (mode === "backtest") return;
  const name = journal.stored(venue.name);
  const account = venue.account === undefined ? undefined : journal.stored(venue.account);
  const other = journal.recordedVenues().filter(
    (recorded) => (recorded.venue !== null && recorded.venue !== name) || (account !== undefined && recorded.account !== null && recorded.account !== account),
  );
  if (other.length === 0) return;
  const dir = dirname(journal.path);
  const sameVenue = other.every((recorded) => recorded.venue === null || recorded.venue === name);
  const what = sameVenue ? "account" : "venue and account";
  throw new ArgoError(
    "INVALID_CONFIGURATION",
    `sessionDir: ${dir} holds the journal of a ${mode} session at ${other.map(describe).join(" and ")}; this session trades at ` +
      `${describe({ venue: name, account: account ?? null })}, and must not take over another ${what}'s positions, working orders and state. ` +
      `Trade at that ${what} again, or give this session another session directory (engine.data_dir in an argo config)`,
    { details: { field: "sessionDir", path: journal.path, recorded: other, venue: name, ...(account === undefined ? {} : { account }) } },
  );
}

/** `venue "paper", account "starting cash 10000 USD"`; the parts not known are left out. */
function describe(recorded: RecordedVenue): string {
  const venue = recorded.venue === null ? "an unrecorded venue" : `venue ${JSON.stringify(recorded.venue)}`;
  return recorded.account === null ? venue : `${venue}, account ${JSON.stringify(recorded.account)}`;
}

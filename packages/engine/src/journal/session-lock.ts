import { ArgoError } from "@argo/core";
import { closeSync, linkSync, openSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isProcessAlive } from "../engine/is-process-alive.ts";
import { type FileIdentity, isSameFile, openFileIdentity } from "./file-identity.ts";
import { sessionDirProblem } from "./session-dir.ts";

/** File in a session directory naming the process whose journal has it open. */
export const LOCK_FILE = "journal.lock";

/** Suffix of the file a process holds while it replaces a lapsed claim, so that only one process replaces a given claim. */
export const TAKEOVER_SUFFIX = ".takeover";

/**
 * Lock files this process holds now. A claim naming this process's pid that is not here was left by an earlier process
 * that had the same pid: a container restarted after a kill often runs as pid 1 again.
 */
const held = new Set<string>();

/** Who claims a directory: its pid and how it judges other claims. Tests stand in for other processes with their own. */
export interface Claimant {
  readonly pid: number;
  /** Whether a process with this pid runs now. */
  isAlive(pid: number): boolean;
  /** Whether this claimant holds the claim at `path` (one naming its pid that it does not hold is an earlier process's). */
  holds(path: string): boolean;
}

/** Points in {@link claimSessionDir} where a test runs another claimant, to play an interleaving out step by step. */
export interface ClaimSteps {
  /** After judging the claim found lapsed, before trying to take it over. */
  judgedLapsed?(): void;
  /** While holding the takeover file, before judging the claim again and replacing it. */
  holdingTakeover?(): void;
}

const thisProcess: Claimant = { pid: process.pid, isAlive: isProcessAlive, holds: (path) => held.has(path) };

/**
 * One process's claim on a session directory while its journal is open. Two sessions journaling into one directory would
 * both place orders for one account and resume from each other's fills, so the second is refused before anything
 * trades. A claim left by a process that has died (a crash, a kill) is taken over.
 *
 * The claim file is kept open while held, so the file at its path can be told apart from a new one (see intact): a
 * directory removed while the session runs takes the claim with it, and another process may then claim the path afresh.
 */
export class SessionLock {
  /** Set by the first release: a second must touch nothing, as the descriptor number and the path may be another's by then. */
  private released = false;

  private constructor(
    readonly path: string,
    private readonly fd: number,
    private readonly identity: FileIdentity,
  ) {}

  /**
   * Claims `sessionDir`; INVALID_CONFIGURATION naming the directory and the holder when a live process has it, this one
   * included: another engine of this process holds it even when its claim file was deleted since (its journal is open).
   */
  static acquire(sessionDir: string): SessionLock {
    const path = lockPathOf(sessionDir);
    if (held.has(path)) throw inUse(sessionDir, path, process.pid);
    claimAt(path, sessionDir, thisProcess, {});
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      unlinkIfHeldBy(path, process.pid);
      throw new ArgoError("INVALID_CONFIGURATION", `cannot open the session claim ${path}: ${(error as Error).message}`, { cause: error, details: { file: path } });
    }
    held.add(path);
    return new SessionLock(path, fd, openFileIdentity(fd));
  }

  /** Whether the claim file at the path is still this lock's: false once it was removed (its directory with it) or replaced. */
  intact(): boolean {
    return isSameFile(this.path, this.identity);
  }

  /** Gives the directory up: closes the claim file and removes it, unless it is no longer this lock's. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.path);
    const ours = this.intact();
    closeSync(this.fd);
    if (ours) unlinkQuietly(this.path);
  }
}

/**
 * The claim file of `sessionDir`, through the directory's real path: the same directory reached through a symlink must
 * be the same claim, or a second engine of this process would not see the first one's (see SessionLock.acquire).
 */
function lockPathOf(sessionDir: string): string {
  let dir: string;
  try {
    dir = realpathSync(sessionDir);
  } catch {
    dir = resolve(sessionDir); // Not there: claiming it reports what is wrong.
  }
  return join(dir, LOCK_FILE);
}

/**
 * Claims `sessionDir` for `claimant` and returns the lock file's path, or throws INVALID_CONFIGURATION. A lapsed claim
 * is replaced only under the takeover file, and judged again there: two processes that both saw it lapse would
 * otherwise each delete it, the second deleting the first one's fresh claim, and both would trade one account.
 */
export function claimSessionDir(sessionDir: string, claimant: Claimant, steps: ClaimSteps = {}): string {
  const path = lockPathOf(sessionDir);
  claimAt(path, sessionDir, claimant, steps);
  return path;
}

/** Claims the lock file `path` of `sessionDir` for `claimant` (see claimSessionDir). */
function claimAt(path: string, sessionDir: string, claimant: Claimant, steps: ClaimSteps): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (claim(path, claimant.pid, sessionDir)) {
      clearLapsedTakeover(path, claimant);
      return;
    }
    const holder = holderOf(path);
    if (holder === undefined) continue; // Given up since: claim it afresh.
    if (isLive(holder, path, claimant)) throw inUse(sessionDir, path, holder);
    steps.judgedLapsed?.();
    if (takeOver(sessionDir, path, claimant, steps)) return;
  }
  throw new ArgoError("INVALID_CONFIGURATION", `session directory ${sessionDir} is being claimed by another process; try again`, { details: { sessionDir } });
}

/** Replaces the lapsed claim at `path` while holding the takeover file; false when another process claimed it first. */
function takeOver(sessionDir: string, path: string, claimant: Claimant, steps: ClaimSteps): boolean {
  const takeover = path + TAKEOVER_SUFFIX;
  if (!claim(takeover, claimant.pid, sessionDir)) {
    const owner = holderOf(takeover);
    if (owner === undefined) return false; // That takeover finished since: look at the claim again.
    // A takeover runs without yielding, so one naming this claimant's own pid was left by an earlier process with it.
    if (owner !== claimant.pid && owner > 0 && claimant.isAlive(owner)) {
      throw new ArgoError(
        "INVALID_CONFIGURATION",
        `session directory ${sessionDir} is being taken over by process ${owner} (its previous session is gone); stop that session or give this one another directory`,
        { details: { sessionDir, pid: owner } },
      );
    }
    // Deleting it here could race another process doing the same; only a person who knows no session runs may.
    const by = owner === 0 ? "an unknown process" : `process ${owner} (${owner === claimant.pid ? "an earlier process with this pid" : "no longer running"})`;
    throw new ArgoError(
      "INVALID_CONFIGURATION",
      `session directory ${sessionDir}: a takeover of its lapsed claim by ${by} was interrupted; if no session runs in ${sessionDir}, delete ${takeover} and start again`,
      { details: { sessionDir, pid: owner, file: takeover } },
    );
  }
  try {
    steps.holdingTakeover?.();
    // Judged again now that no other process can replace it: a fresh claim may have replaced the one judged before.
    const holder = holderOf(path);
    if (holder !== undefined) {
      if (isLive(holder, path, claimant)) throw inUse(sessionDir, path, holder);
      unlinkQuietly(path);
    }
    return claim(path, claimant.pid, sessionDir);
  } finally {
    unlinkIfHeldBy(takeover, claimant.pid);
  }
}

/**
 * Removes a takeover file whose process died mid-takeover, once `claimant` holds the directory: nobody else removes a
 * takeover file that is not theirs, so it cannot be replaced between this look and the removal.
 */
function clearLapsedTakeover(path: string, claimant: Claimant): void {
  const takeover = path + TAKEOVER_SUFFIX;
  try {
    const owner = holderOf(takeover);
    if (owner !== undefined && (owner === 0 || owner === claimant.pid || !claimant.isAlive(owner))) unlinkSync(takeover);
  } catch {
    // Unreadable or gone: the directory is claimed all the same; a later takeover names the file if it is in the way.
  }
}

function isLive(holder: number, path: string, claimant: Claimant): boolean {
  if (holder === 0) return false;
  return holder === claimant.pid ? claimant.holds(path) : claimant.isAlive(holder);
}

function inUse(sessionDir: string, path: string, holder: number): ArgoError {
  return new ArgoError(
    "INVALID_CONFIGURATION",
    `session directory ${sessionDir} is in use by process ${holder} (its journal is open there); stop that session or give this one another directory (if no such session runs, delete ${path})`,
    { details: { sessionDir, pid: holder } },
  );
}

/**
 * Creates the file at `path` holding `pid`, or false when one exists. The pid is written to a file of its own first and
 * linked into place in one step: a claim created empty and filled after would read as nobody's in between, and a second
 * process would take it over.
 */
function claim(path: string, pid: number, sessionDir: string): boolean {
  const draft = `${path}.${pid}`;
  try {
    writeFileSync(draft, String(pid));
  } catch (error) {
    // The first write into the directory: a directory the process may not write to is a config mistake, said of the
    // directory rather than of the draft file, an internal name.
    throw sessionDirProblem(sessionDir, error) ?? error;
  }
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    return false;
  } finally {
    unlinkSync(draft);
  }
}

/** The pid a claim file names; 0 when it names none, undefined when there is no such file. */
function holderOf(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw new ArgoError("INVALID_CONFIGURATION", `cannot read the session claim ${path}: ${(error as Error).message}`, { cause: error, details: { file: path } });
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

function unlinkIfHeldBy(path: string, pid: number): void {
  try {
    if (holderOf(path) === pid) unlinkSync(path);
  } catch {
    // Gone or unreadable: nothing of ours to remove.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to remove.
  }
}

import { ArgoError } from "@argo/core";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** File in a session directory naming the process whose journal has it open. */
export const LOCK_FILE = "journal.lock";

/**
 * Lock files this process holds now. A claim naming this process's pid that is not here was left by an earlier process
 * that had the same pid: a container restarted after a kill often runs as pid 1 again.
 */
const held = new Set<string>();

/**
 * One process's claim on a session directory while its journal is open. Two sessions journaling into one directory would
 * both place orders for one account and resume from each other's fills, so the second is refused before anything
 * trades. A claim left by a process that has died (a crash, a kill) is taken over.
 */
export class SessionLock {
  private constructor(readonly path: string) {}

  /** Claims `sessionDir`; INVALID_CONFIGURATION naming the directory and the holder when a live process has it. */
  static acquire(sessionDir: string): SessionLock {
    const path = resolve(join(sessionDir, LOCK_FILE));
    for (let attempt = 0; attempt < 2; attempt++) {
      if (claim(path)) {
        held.add(path);
        return new SessionLock(path);
      }
      const holder = holderOf(path);
      if (holder !== undefined && (holder === process.pid ? held.has(path) : isAlive(holder))) {
        throw new ArgoError(
          "INVALID_CONFIGURATION",
          `session directory ${sessionDir} is in use by process ${holder} (its journal is open there); stop that session or give this one another directory (if no such session runs, delete ${path})`,
          { details: { sessionDir, pid: holder } },
        );
      }
      // Left by a process that is gone (or by an earlier one with this pid): its claim lapsed.
      try {
        unlinkSync(path);
      } catch {
        // Another process took it over first: the next attempt finds its claim.
      }
    }
    throw new ArgoError("INVALID_CONFIGURATION", `session directory ${sessionDir} is being claimed by another process; try again`, { details: { sessionDir } });
  }

  /** Gives the directory up (only a claim this process still holds). */
  release(): void {
    held.delete(this.path);
    try {
      if (holderOf(this.path) === process.pid) unlinkSync(this.path);
    } catch {
      // Already gone: nothing to give up.
    }
  }
}

/**
 * Creates the claim file holding this process's pid, or false when one exists. The pid is written to a file of its own
 * first and linked into place in one step: a claim created empty and filled after would read as nobody's in between, and
 * a second process would take it over.
 */
function claim(path: string): boolean {
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
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

function holderOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

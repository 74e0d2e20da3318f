import { ArgoError } from "@argo/core";
import { randomUUID } from "node:crypto";
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { isProcessAlive } from "../engine/is-process-alive.ts";

/** The file that marks a results folder as being written; it holds the writer's pid, host and a token of its own. */
export const RESULTS_LOCK_NAME = ".argo-writing";

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/**
 * Takes the results folder `folder` (which must exist) for one writer: resolves with the function that gives it back,
 * or throws naming the folder and the pid when another live process (or another write in this one) holds it. A lock
 * left by a dead process on this host is taken over.
 */
export async function lockResultsFolder(folder: string): Promise<() => Promise<void>> {
  const lock = join(folder, RESULTS_LOCK_NAME);
  const mine: Holder = { pid: process.pid, host: hostname(), token: randomUUID() };
  // A few rounds: each one that fails found a lock that vanished or a stale one it cleared, and tries again.
  for (let round = 0; round < 5; round++) {
    try {
      // "wx": created only if absent, in one step, so of two writers exactly one gets it.
      await writeFile(lock, `${JSON.stringify(mine)}\n`, { flag: "wx" });
      return () => release(lock, mine.token);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const text = await readFile(lock, "utf8").catch(() => undefined);
    if (text === undefined) continue; // given back meanwhile
    const holder = parseHolder(text);
    // Unreadable: a writer between creating the file and filling it (or one that died right there). Taken as alive:
    // two writers at once is the harm this prevents; a leftover is named in the error, to be deleted by hand.
    if (holder === undefined || isAlive(holder)) throw busy(folder, lock, holder);
    await clearStale(lock, holder);
  }
  throw busy(folder, lock, undefined);
}

/** Removes the lock only while it is still this writer's: one taken over meanwhile belongs to its new holder. */
async function release(lock: string, token: string): Promise<void> {
  const text = await readFile(lock, "utf8").catch(() => undefined);
  if (text !== undefined && parseHolder(text)?.token === token) await rm(lock, { force: true });
}

/**
 * Moves the stale lock aside and deletes it, unless what was moved is no longer that lock: removing the file by name
 * could delete a lock another writer has just taken over in its place. Such a live lock is put back with `link`, which
 * never replaces one a third writer may have taken meanwhile (in that three-way race the displaced writer goes on
 * without its file; its release then leaves the third's alone).
 */
async function clearStale(lock: string, stale: Holder): Promise<void> {
  const aside = `${lock}.stale-${randomUUID()}`;
  try {
    await rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // cleared by another writer
    throw error;
  }
  const moved = parseHolder(await readFile(aside, "utf8").catch(() => ""));
  // Anything but the stale lock itself (an unreadable one may be a writer's, not yet filled) goes back.
  if (moved?.token !== stale.token) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (Number.isInteger(value.pid) && typeof value.host === "string" && typeof value.token === "string") return value as Holder;
  } catch {
    // not a complete lock
  }
  return undefined;
}

/** Whether the holder may still be writing: a pid on another host cannot be checked, so it counts as alive. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  return holder.pid === process.pid || isProcessAlive(holder.pid);
}

function busy(folder: string, lock: string, holder: Holder | undefined): ArgoError {
  const who = holder === undefined ? "another process" : `another process (pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ""})`;
  return new ArgoError(
    "INTERNAL",
    `results folder ${folder} is being written by ${who}; these results were not written there. Write them to another folder, ` +
      `or delete ${lock} if no argo is writing it`,
    { details: { folder, lock, ...(holder !== undefined ? { pid: holder.pid, host: holder.host } : {}) } },
  );
}

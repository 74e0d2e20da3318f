import { ArgoError } from "@argo/core";
import { accessSync, constants, existsSync, lstatSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { JOURNAL_FILE } from "./journal-schema.ts";

/** How a write permission is asked (fs.accessSync's shape): throws the file system's error when it is refused. */
export type AccessCheck = (path: string, mode: number) => void;

/** The journal's files SQLite opens for writing: the database, and its WAL and shared-memory files once they exist. */
const JOURNAL_FILES = [JOURNAL_FILE, `${JOURNAL_FILE}-wal`, `${JOURNAL_FILE}-shm`];

/**
 * What keeps `sessionDir` (resolved against the working directory) from holding a session journal, judged without
 * creating anything, as a whole statement naming the path at fault: a file in its place or on its path ("<dir> is not
 * a directory"), a directory this process may not write to (the nearest one that exists, when the rest is still to be
 * created: "<dir> cannot be created: /srv is not writable: permission denied"), or a journal file already there that
 * it may not write ("<dir>/journal.sqlite is not writable: permission denied": SQLite would open it read-only without a
 * word, and the session would halt at its first write). Undefined when it can. `argo validate` asks it before a
 * session starts; the journal refuses the directory's problems the same when it opens (see {@link sessionDirProblem}).
 * `access` is there for tests: as root every write is allowed.
 */
export function sessionDirIssue(sessionDir: string, access: AccessCheck = accessSync): string | undefined {
  const dir = resolve(sessionDir);
  const at = nearestThere(dir);
  const self = at === dir;
  if (!isDirectory(at)) return self ? `${dir} is not a directory` : `${dir} is not a directory: ${at} on its path is a file`;
  // Creating a file in a directory takes both: write to its entries, search to reach them.
  const denied = writeProblem(at, constants.W_OK | constants.X_OK, access);
  if (denied !== undefined) return self ? `${dir} is not writable: ${denied}` : `${dir} cannot be created: ${at} is not writable: ${denied}`;
  return self ? journalFileIssue(dir, access) : undefined;
}

/**
 * A journal file already in `sessionDir` that this process may not write ("<dir>/journal.sqlite is not writable:
 * permission denied"), or undefined. SQLite would open such a file read-only without a word; the journal refuses it
 * when it opens, `argo validate` through {@link sessionDirIssue}.
 */
export function journalFileIssue(sessionDir: string, access: AccessCheck = accessSync): string | undefined {
  for (const name of JOURNAL_FILES) {
    const file = join(resolve(sessionDir), name);
    if (!isThere(file)) continue;
    const refused = writeProblem(file, constants.R_OK | constants.W_OK, access);
    if (refused !== undefined) return `${file} is not writable: ${refused}`;
  }
  return undefined;
}

/**
 * INVALID_CONFIGURATION naming `sessionDir` and what is wrong with it, for a file-system error that says the directory
 * cannot be made or written (a file in its place or on its path, no permission, a read-only file system); undefined for
 * any other error. Shared by the journal's creation of the directory and the claim's first write into it.
 */
export function sessionDirProblem(sessionDir: string, error: unknown): ArgoError | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  let what: string;
  if (code === "EEXIST" || code === "ENOTDIR") what = notADirectory(sessionDir);
  else if (code === "EACCES" || code === "EPERM") what = `${existsSync(sessionDir) ? "is not writable" : "cannot be created"}: permission denied`;
  else if (code === "EROFS") what = `${existsSync(sessionDir) ? "is not writable" : "cannot be created"}: read-only file system`;
  else return undefined;
  return new ArgoError("INVALID_CONFIGURATION", `session directory ${sessionDir} ${what}`, { cause: error, details: { sessionDir } });
}

/** What keeps `sessionDir` from being a directory: a file at its path, or at a path above it (named then). */
function notADirectory(sessionDir: string): string {
  const dir = resolve(sessionDir);
  const at = nearestThere(dir);
  return at === dir ? "is not a directory" : `is not a directory: ${at} on its path is a file`;
}

/** `dir`, or the nearest directory above it that something is at. */
function nearestThere(dir: string): string {
  let at = dir;
  while (!isThere(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Whether anything is at `path`, a symlink that leads nowhere included (existsSync follows it; mkdir fails on one). */
function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is a directory, through symlinks. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why this process may not use `path` as `mode` asks (write files into a directory, or write a file), or undefined. */
function writeProblem(path: string, mode: number, access: AccessCheck): string | undefined {
  try {
    access(path, mode);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EROFS") return "read-only file system";
    return code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
  }
}

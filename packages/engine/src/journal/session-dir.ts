import { ArgoError } from "@argo/core";
import { accessSync, constants, existsSync, lstatSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * What keeps `sessionDir` (resolved against the working directory) from holding a session journal, judged without
 * creating anything: a file in its place or on its path, or a directory this process may not write to (the nearest one
 * that exists, when the rest is still to be created). Said after the directory's name ("is not a directory", "cannot be
 * created: /srv is not writable: permission denied"); undefined when it can. `argo validate` asks it before a session
 * starts; the journal refuses the same when it opens (see {@link sessionDirProblem}).
 */
export function sessionDirIssue(sessionDir: string): string | undefined {
  const dir = resolve(sessionDir);
  const at = nearestThere(dir);
  const self = at === dir;
  if (!isDirectory(at)) return self ? "is not a directory" : `is not a directory: ${at} on its path is a file`;
  const denied = writeProblem(at);
  if (denied === undefined) return undefined;
  return self ? `is not writable: ${denied}` : `cannot be created: ${at} is not writable: ${denied}`;
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

/** Why this process cannot create files in the directory `path`, or undefined when it can. */
function writeProblem(path: string): string | undefined {
  try {
    // Creating a file in a directory takes both: write to its entries, search to reach them.
    accessSync(path, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EROFS") return "read-only file system";
    return code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
  }
}

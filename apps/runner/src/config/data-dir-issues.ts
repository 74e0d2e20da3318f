import type { ConfigIssue } from "@argo/core";
import { accessSync, constants, lstatSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * What keeps `engine.data_dir` from holding the session journal, judged where `argo run` puts it (resolved against the
 * working directory) and without creating anything: a file in its place or on its path, or a directory this process
 * may not write to (the nearest one that exists, when the rest is still to be created). The engine refuses the same
 * when it opens the journal, but only once the session starts: `argo validate` must not call such a config valid.
 */
export function dataDirIssues(dataDir: string, cwd: string): ConfigIssue[] {
  const dir = resolve(cwd, dataDir);
  let at = dir;
  while (!isThere(at) && dirname(at) !== at) at = dirname(at);
  const self = at === dir;
  if (!isDirectory(at)) return [issue(self ? `${dir} is not a directory` : `${dir} is not a directory: ${at} on its path is a file`)];
  const denied = writeProblem(at);
  if (denied === undefined) return [];
  return [issue(self ? `${dir} is not writable: ${denied}` : `${dir} cannot be created: ${at} is not writable: ${denied}`)];
}

function issue(message: string): ConfigIssue {
  return { path: "engine.data_dir", message };
}

/** Whether anything is at `path`, a symlink that leads nowhere included (mkdir fails on one as on a file). */
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

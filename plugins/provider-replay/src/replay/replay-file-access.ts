import type { ConfigIssue } from "@argo/core";
import { closeSync, constants, openSync, type Stats, statSync } from "node:fs";
import type { ReplayFile } from "./replay-file.ts";

/**
 * Opening with O_NONBLOCK never waits: a named pipe put in place of the file after its stat opens at once instead of
 * blocking until a writer comes (a synchronous check cannot be stopped then, not even by SIGTERM).
 */
const OPEN_NO_WAIT = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * What keeps a configured file from being read, as a config issue at `files.<n>.path`, or undefined when it can be:
 * not there, a directory, not a regular file (a named pipe, a socket, a device), or not readable. Only a regular file
 * is ever opened, and only to see that it can be: a pipe would block the check and could not be read twice anyway.
 */
export function fileAccessIssue(file: ReplayFile): ConfigIssue | undefined {
  let info: Stats | undefined;
  try {
    info = statSync(file.path, { throwIfNoEntry: false });
  } catch (error) {
    return fileErrorIssue(file, error);
  }
  if (info === undefined) return fileErrorIssue(file, { code: "ENOENT" });
  if (info.isDirectory()) return at(file, "is a directory, not a data file");
  if (!info.isFile()) return at(file, `is not a regular file (${kindOf(info)}); replay reads regular files only`);
  try {
    closeSync(openSync(file.path, OPEN_NO_WAIT));
  } catch (error) {
    return fileErrorIssue(file, error);
  }
  return undefined;
}

/** A file-system error met opening or reading a configured file, as a config issue at `files.<n>.path` naming the file. */
export function fileErrorIssue(file: ReplayFile, error: unknown): ConfigIssue {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    // A file in place of a directory on the path is as missing as no file (existsSync said so, too).
    case "ENOENT":
    case "ENOTDIR":
      return { path: `files.${file.index}.path`, message: `file not found: "${file.label}" (resolved to ${file.path})` };
    case "EISDIR":
      return at(file, "is a directory, not a data file");
    case "EACCES":
    case "EPERM":
      return at(file, "cannot be read: permission denied");
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return at(file, `cannot be read: ${reason}`);
    }
  }
}

/** True for an error the file system raised (it has a string `code` such as "EIO"), as opposed to a bug or a row error. */
export function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}

function at(file: ReplayFile, problem: string): ConfigIssue {
  return { path: `files.${file.index}.path`, message: `"${file.label}" (resolved to ${file.path}) ${problem}` };
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "of another kind";
}

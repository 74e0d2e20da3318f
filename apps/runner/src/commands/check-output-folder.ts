import { ArgoError } from "@argo/core";
import { accessSync, constants, type Stats, statSync } from "node:fs";
import { dirname } from "node:path";

/** Refuses a backtest output folder that cannot be made: a path that is a file, or lies under one, or an unwritable parent. */
export function checkOutputFolder(folder: string): void {
  const refuse = (why: string, path: string) =>
    new ArgoError("INVALID_CONFIGURATION", `backtest.output_dir: ${folder} ${why}`, { details: { field: "backtest.output_dir", path } });
  // The nearest part of the path that exists decides: it must be a folder the results can be written into.
  for (let path = folder; ; path = dirname(path)) {
    const stat = existing(path);
    if (stat === undefined) {
      if (dirname(path) === path) return;
      continue;
    }
    if (!stat.isDirectory()) throw refuse(path === folder ? "exists and is not a folder" : `cannot be created: ${path} is a file, not a folder`, path);
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw refuse(path === folder ? "is not writable" : `cannot be created: ${path} is not writable`, path);
    }
    return;
  }
}

/** The path's stat, or undefined when nothing is there (also when a part of it is a file: ENOTDIR). */
function existing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

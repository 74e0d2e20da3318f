import type { ConfigIssue } from "@argo/core";
import { sessionDirIssue } from "@argo/engine";
import { resolve } from "node:path";

/**
 * What keeps `engine.data_dir` from holding the session journal, judged where `argo run` puts it (resolved against the
 * working directory) and without creating anything: a file in its place or on its path, a directory this process
 * may not write to (the nearest one that exists, when the rest is still to be created), or a journal file there it may
 * not write. The engine refuses a directory the same when it opens the journal, but only once the session starts (and
 * a read-only journal file only at its first write): `argo validate` must not call such a config valid.
 */
export function dataDirIssues(dataDir: string, cwd: string): ConfigIssue[] {
  const dir = resolve(cwd, dataDir);
  const problem = sessionDirIssue(dir);
  return problem === undefined ? [] : [{ path: "engine.data_dir", message: problem }];
}

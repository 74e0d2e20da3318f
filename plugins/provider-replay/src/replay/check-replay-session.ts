import { ArgoError, type ConfigIssue, type ProviderSession } from "@argo/core";
import { uniqueSymbols } from "../shared/unique-symbols.ts";
import { findReplayFile } from "./find-replay-file.ts";
import type { ReplayConfig } from "./replay-config.ts";
import { describeReplayFiles, replayFileIssues } from "./replay-file.ts";
import { replayHeadIssue } from "./replay-head-issue.ts";

/**
 * What a run with this config would refuse, found before it runs: a file that is not there, is a directory, is not a
 * regular file (a named pipe) or cannot be read, two files for one symbol and interval, a session symbol with no file at
 * the session's interval, and a file the session reads that holds no bars (empty, or a header only) or whose bars are
 * not spaced as its interval says (the replay
 * provider's checkSession; argo validate, run and backtest all go through it). A file refused at its path is not read.
 */
export function checkReplaySession(config: ReplayConfig, session: ProviderSession): ConfigIssue[] {
  const files = describeReplayFiles(config);
  const issues = replayFileIssues(files);
  const refused = new Set(issues.map((issue) => issue.path));
  for (const symbol of uniqueSymbols(session.symbols)) {
    const found = findReplayFile(files, symbol, session.interval);
    if (found instanceof ArgoError) issues.push({ path: "files", message: found.message });
    else if (!refused.has(`files.${found.index}.path`)) {
      const spacing = replayHeadIssue(found, session.range);
      if (spacing !== undefined) issues.push(spacing);
    }
  }
  return issues;
}

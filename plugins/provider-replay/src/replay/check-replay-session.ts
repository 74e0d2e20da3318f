import { ArgoError, type ConfigIssue, type ProviderSession } from "@argo/core";
import { existsSync } from "node:fs";
import { uniqueSymbols } from "../shared/unique-symbols.ts";
import { findReplayFile } from "./find-replay-file.ts";
import type { ReplayConfig } from "./replay-config.ts";
import { checkDistinct, describeReplayFiles, fileNotFound } from "./replay-file.ts";

/**
 * What a run with this config would refuse, found before it runs: a file that is not there, two files for one symbol and
 * interval, and a session symbol with no file at the session's interval (the replay provider's checkSession).
 */
export function checkReplaySession(config: ReplayConfig, session: ProviderSession): ConfigIssue[] {
  const files = describeReplayFiles(config);
  const issues: ConfigIssue[] = [];
  // The runner prints each issue after its path: the provider's own "invalid replay config: <field>: " prefix would repeat it.
  const add = (error: ArgoError, path: string) => issues.push({
    path: typeof error.details?.field === "string" ? error.details.field : path,
    message: error.message.replace(/^invalid replay config: [^:]+: /, ""),
  });
  try {
    checkDistinct(files);
  } catch (error) {
    add(error as ArgoError, "files");
  }
  for (const file of files) if (!existsSync(file.path)) add(fileNotFound(file), `files.${file.index}.path`);
  for (const symbol of uniqueSymbols(session.symbols)) {
    const found = findReplayFile(files, symbol, session.interval);
    if (found instanceof ArgoError) add(found, "files");
  }
  return issues;
}

import { ArgoError, type ConfigIssue, intervalKey } from "@argo/core";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { type BarField, formatFromPath, type ReplayConfig } from "./replay-config.ts";

/** A configured file, resolved and checked: everything a reader needs. */
export interface ReplayFile {
  /** The path as the user wrote it; errors name the file by it. */
  label: string;
  /** Absolute path. */
  path: string;
  symbol: string;
  interval: string;
  /** The interval's `intervalKey`: requests for an interval of the same size ("24h" for "1d") find the file. */
  intervalKey: string;
  format: "csv" | "jsonl";
  columns: Partial<Record<BarField, string>>;
  timeFormat: "iso" | "epoch-ms" | "epoch-s";
  /** Index in the config's `files`, for messages naming the field. */
  index: number;
}

/** Resolves every configured file against `baseDir`; INVALID_CONFIGURATION for a missing file or a repeated symbol and interval. */
export async function resolveReplayFiles(config: ReplayConfig): Promise<ReplayFile[]> {
  const files = describeReplayFiles(config);
  const [first] = replayFileIssues(files);
  if (first !== undefined) throw configError(first);
  return files;
}

/** Every configured file with its absolute path and read settings, unchecked (resolveReplayFiles checks them). */
export function describeReplayFiles(config: ReplayConfig): ReplayFile[] {
  const baseDir = config.baseDir ?? process.cwd();
  return config.files.map((entry, index): ReplayFile => {
    const path = isAbsolute(entry.path) ? entry.path : resolve(baseDir, entry.path);
    return {
      label: entry.path,
      path,
      symbol: entry.symbol,
      interval: entry.interval,
      intervalKey: intervalKey(entry.interval),
      // The schema guarantees one of the two is there.
      format: entry.format ?? formatFromPath(entry.path)!,
      columns: entry.columns ?? {},
      timeFormat: entry.timeFormat,
      index,
    };
  });
}

/** The INVALID_CONFIGURATION error for a configured file that is not there (at creation, or removed since). */
export function fileNotFound(file: ReplayFile): ArgoError {
  return configError(missingFile(file));
}

/**
 * What is wrong with the configured files, each as a config issue inside the replay config: a symbol at a bar size
 * served twice, a file that is not there. Creation refuses the first; the session check (argo validate) lists them all.
 */
export function replayFileIssues(files: readonly ReplayFile[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, ReplayFile>();
  for (const file of files) {
    const key = `${file.symbol}\u0000${file.intervalKey}`;
    const earlier = seen.get(key);
    if (earlier) {
      issues.push({
        path: `files.${file.index}.symbol`,
        message: `"${file.symbol}" at interval ${file.interval} is already served by files.${earlier.index} ("${earlier.label}"); use one file per symbol and interval`,
      });
    }
    seen.set(key, file);
  }
  for (const file of files) if (!existsSync(file.path)) issues.push(missingFile(file));
  return issues;
}

function missingFile(file: ReplayFile): ConfigIssue {
  return { path: `files.${file.index}.path`, message: `file not found: "${file.label}" (resolved to ${file.path})` };
}

/** A config issue as the error creation throws, naming the field. */
function configError(issue: ConfigIssue): ArgoError {
  return new ArgoError("INVALID_CONFIGURATION", `invalid replay config: ${issue.path}: ${issue.message}`, { provider: "replay", details: { field: issue.path } });
}

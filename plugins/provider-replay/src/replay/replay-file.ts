import { ArgoError, type ConfigIssue, intervalKey } from "@argo/core";
import { isAbsolute, resolve } from "node:path";
import { fileAccessIssue, fileErrorIssue } from "./replay-file-access.ts";
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

/**
 * Resolves every configured file against `baseDir`; INVALID_CONFIGURATION for a repeated symbol and interval, or a file
 * that is missing, a directory, not a regular file or unreadable.
 */
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

/**
 * The INVALID_CONFIGURATION error naming the file and `files.<n>.path` for a file-system error reading it (removed, made
 * a directory or unreadable since creation checked it, or an I/O error), instead of a bare system error.
 */
export function fileReadError(file: ReplayFile, error: unknown): ArgoError {
  return configError(fileErrorIssue(file, error), error);
}

/**
 * What is wrong with the configured files, each as a config issue inside the replay config: a symbol at a bar size
 * served twice, a file that is not there, is a directory, is not a regular file (a named pipe) or cannot be read.
 * Creation refuses the first; the session check (argo validate) lists them all.
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
  for (const file of files) {
    const access = fileAccessIssue(file);
    if (access !== undefined) issues.push(access);
  }
  return issues;
}

/** A config issue as the error creation throws, naming the field. */
function configError(issue: ConfigIssue, cause?: unknown): ArgoError {
  return new ArgoError("INVALID_CONFIGURATION", `invalid replay config: ${issue.path}: ${issue.message}`, {
    provider: "replay",
    details: { field: issue.path },
    ...(cause === undefined ? {} : { cause }),
  });
}

import { ArgoError } from "@argo/core";
import { isAbsolute, resolve } from "node:path";
import { intervalKey } from "../shared/interval-key.ts";
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
  checkDistinct(files);
  await Promise.all(files.map(assertExists));
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

/** INVALID_CONFIGURATION naming the path when the file is not there. */
async function assertExists(file: ReplayFile): Promise<void> {
  if (await Bun.file(file.path).exists()) return;
  throw fileNotFound(file);
}

/** The INVALID_CONFIGURATION error for a configured file that is not there (at creation, or removed since). */
export function fileNotFound(file: ReplayFile): ArgoError {
  return new ArgoError("INVALID_CONFIGURATION", `invalid replay config: files.${file.index}.path: file not found: "${file.label}" (resolved to ${file.path})`, {
    provider: "replay",
    details: { field: `files.${file.index}.path`, path: file.label, resolvedPath: file.path },
  });
}

/** INVALID_CONFIGURATION when two files serve the same symbol at the same bar size. */
export function checkDistinct(files: readonly ReplayFile[]): void {
  const seen = new Map<string, ReplayFile>();
  for (const file of files) {
    const key = `${file.symbol}\u0000${file.intervalKey}`;
    const earlier = seen.get(key);
    if (earlier) {
      throw new ArgoError(
        "INVALID_CONFIGURATION",
        `invalid replay config: files.${file.index}.symbol: "${file.symbol}" at interval ${file.interval} is already served by files.${earlier.index} ("${earlier.label}"); use one file per symbol and interval`,
        { provider: "replay", details: { field: `files.${file.index}.symbol`, symbol: file.symbol, interval: file.interval } },
      );
    }
    seen.set(key, file);
  }
}

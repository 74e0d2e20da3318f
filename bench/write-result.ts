import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Folder every benchmark writes its JSON result into. */
export const RESULTS_DIR = join(import.meta.dir, "results");

/** One benchmark's figures: medians and ratios against a baseline measured in the same process. */
export interface BenchResult {
  name: string;
  /** What was measured, in a sentence. */
  description: string;
  /** Named figures, e.g. { ordersPerSecondMedian: 250000, latencyP99Us: 12 }. */
  figures: Record<string, number>;
  /** Ratios against the baseline of the same run, e.g. { engineVsHandLoop: 0.42 }. */
  ratios?: Record<string, number>;
  /** The goal the issue states, for the reader. */
  goal?: string;
}

/** Writes a result to bench/results/<name>.json and prints it; returns the path. */
export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.name}.json`);
  const record = { ...result, bun: Bun.version, cpus: navigator.hardwareConcurrency, at: new Date().toISOString() };
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`${result.name}: ${JSON.stringify(result.figures)}${result.ratios ? ` ratios ${JSON.stringify(result.ratios)}` : ""}`);
  return path;
}

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ArgoError } from "@argo/core";

let cached: Uint8Array | undefined;

/** Path of lightweight-charts' standalone build (it defines the `LightweightCharts` global) in node_modules. */
export function chartScriptPath(): string {
  // The package does not export its dist files, but it does export package.json: resolve that and walk over.
  const manifest = fileURLToPath(import.meta.resolve("lightweight-charts/package.json"));
  return join(dirname(manifest), "dist", "lightweight-charts.standalone.production.js");
}

/** The standalone chart script, read once and kept; INTERNAL if the dependency is missing. */
export function chartScript(): Uint8Array {
  if (cached) return cached;
  try {
    cached = readFileSync(chartScriptPath());
    return cached;
  } catch (cause) {
    throw new ArgoError("INTERNAL", "the dashboard chart script (lightweight-charts) is not installed", { cause });
  }
}

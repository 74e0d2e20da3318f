import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ArgoError } from "@argo/core";

let cached: string | undefined;

/** The lightweight-charts standalone build (defines `window.LightweightCharts`), read once from node_modules. */
export function loadChartLibrary(): string {
  if (cached !== undefined) return cached;
  // The package's `exports` hide dist/, so resolve its package.json and walk from there.
  const packageJson = createRequire(import.meta.url).resolve("lightweight-charts/package.json");
  const path = join(dirname(packageJson), "dist", "lightweight-charts.standalone.production.js");
  const code = readFileSync(path, "utf8");
  // Inlined verbatim, so it must not be able to end its own <script> element.
  if (/<\/script|<!--/i.test(code)) {
    throw new ArgoError("INTERNAL", `cannot inline ${path}: it contains "</script" or "<!--"`, { details: { path } });
  }
  cached = code;
  return code;
}

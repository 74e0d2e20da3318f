import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonNumberReplacer } from "./escape.ts";
import { loadChartLibrary } from "./load-chart-library.ts";
import { renderReportHtml } from "./render-report-html.ts";
import { runToJson } from "./run-json.ts";
import { equityToCsv, openTradesToCsv, tradesToCsv } from "./to-csv.ts";
import type { BacktestResults } from "./types.ts";

/** Paths of the files a results folder holds. */
export interface ResultsFiles {
  stats: string;
  /** Written only when the results carry `run`. */
  run?: string;
  trades: string;
  equity: string;
  report: string;
  /** Written only when the results carry `openTrades`. */
  openTrades?: string;
}

/**
 * Writes stats.json, trades.csv, equity.csv and report.html into `folder` (created if missing,
 * existing files replaced), run.json when the results carry `run`, and open-trades.csv when they
 * carry `openTrades` (an earlier run's copy is removed otherwise: it would describe a run the other files do not show).
 * In stats.json undefined figures are null and infinite ones "Infinity".
 */
export async function writeResults(folder: string, results: BacktestResults): Promise<ResultsFiles> {
  await mkdir(folder, { recursive: true });
  const files: ResultsFiles = {
    stats: join(folder, "stats.json"),
    ...(results.run !== undefined ? { run: join(folder, "run.json") } : {}),
    trades: join(folder, "trades.csv"),
    equity: join(folder, "equity.csv"),
    report: join(folder, "report.html"),
    ...(results.openTrades !== undefined ? { openTrades: join(folder, "open-trades.csv") } : {}),
  };
  await Promise.all([
    files.openTrades !== undefined ? writeFile(files.openTrades, openTradesToCsv(results.openTrades ?? [])) : rm(join(folder, "open-trades.csv"), { force: true }),
    files.run !== undefined && results.run !== undefined ? writeFile(files.run, runToJson(results.run)) : rm(join(folder, "run.json"), { force: true }),
    writeFile(files.stats, `${JSON.stringify(results.statistics, jsonNumberReplacer, 2)}\n`),
    writeFile(files.trades, tradesToCsv(results.trades, results.symbolColumn)),
    writeFile(files.equity, equityToCsv(results.times, results.equity, results.startingCash)),
    writeFile(files.report, renderReportHtml(results, loadChartLibrary())),
  ]);
  return files;
}

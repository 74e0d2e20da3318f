import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonNumberReplacer } from "./escape.ts";
import { loadChartLibrary } from "./load-chart-library.ts";
import { renderReportHtml } from "./render-report-html.ts";
import { lockResultsFolder } from "./results-lock.ts";
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
 * One writer at a time: while another writes the folder (its `.argo-writing` file), this throws naming the folder.
 */
export async function writeResults(folder: string, results: BacktestResults): Promise<ResultsFiles> {
  const files: ResultsFiles = {
    stats: join(folder, "stats.json"),
    ...(results.run !== undefined ? { run: join(folder, "run.json") } : {}),
    trades: join(folder, "trades.csv"),
    equity: join(folder, "equity.csv"),
    report: join(folder, "report.html"),
    ...(results.openTrades !== undefined ? { openTrades: join(folder, "open-trades.csv") } : {}),
  };
  // Every text is made before the folder is taken: the lock is held only while writing.
  const writes: [path: string, text: string | undefined][] = [
    // undefined: the earlier run's copy is removed.
    [join(folder, "open-trades.csv"), results.openTrades !== undefined ? openTradesToCsv(results.openTrades) : undefined],
    [join(folder, "run.json"), results.run !== undefined ? runToJson(results.run) : undefined],
    [files.stats, `${JSON.stringify(results.statistics, jsonNumberReplacer, 2)}\n`],
    [files.trades, tradesToCsv(results.trades, results.symbolColumn)],
    [files.equity, equityToCsv(results.times, results.equity, results.startingCash)],
    [files.report, renderReportHtml(results, loadChartLibrary())],
  ];
  await mkdir(folder, { recursive: true });
  // Two runs writing one folder at once would leave some files of each. A lock, not a fresh folder swapped in: the
  // folder may hold files that are not ours (the output folder can be any folder, even the working directory), a
  // swap would drop them, and Node has no atomic swap of two folders. With the lock the files are written in place,
  // one writer at a time, and files no run writes stay as they are.
  const unlock = await lockResultsFolder(folder);
  try {
    // Every write settled before the lock is given back, even when one failed: a write still under way would land
    // among the next writer's files.
    const settled = await Promise.allSettled(writes.map(([path, text]) => (text === undefined ? rm(path, { force: true }) : writeFile(path, text))));
    const failed = settled.find((outcome) => outcome.status === "rejected");
    if (failed !== undefined) throw failed.reason;
  } finally {
    await unlock();
  }
  return files;
}

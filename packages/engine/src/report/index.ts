export type { BacktestResults, ReportCandle, ReportOpenTrade, ReportRun, ReportTrade } from "./types.ts";
export { writeResults, type ResultsFiles } from "./write-results.ts";
export { renderReportHtml } from "./render-report-html.ts";
export { loadChartLibrary } from "./load-chart-library.ts";
export { equityToCsv, openTradesToCsv, tradesToCsv } from "./to-csv.ts";
export { escapeHtml, jsonForScript } from "./escape.ts";
export { formatStatistic, formatDuration, formatMoney, formatTime } from "./format-statistic.ts";
export { runProblems } from "./run-problems.ts";

import { STATISTIC_LABELS } from "../stats/index.ts";
import { DAY_MS } from "../stats/stat-math.ts";
import { toChartData } from "./chart-data.ts";
import { CHART_SCRIPT } from "./chart-script.ts";
import { escapeHtml, jsonForScript } from "./escape.ts";
import { formatMoney, formatPlain, formatStatistic, formatTime } from "./format-statistic.ts";
import { NOTICE_STYLE, runNotice } from "./run-notice.ts";
import type { BacktestResults } from "./types.ts";

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 16px; }
#argo-chart { width: 100%; height: 640px; margin-bottom: 24px; }
table { border-collapse: collapse; margin-bottom: 24px; }
td, th { padding: 3px 12px; border-bottom: 1px solid #eee; text-align: right; }
td:first-child, th:first-child { text-align: left; }
.layout { display: flex; gap: 32px; flex-wrap: wrap; align-items: flex-start; }
`;

function statisticsTable(results: BacktestResults): string {
  const rows = STATISTIC_LABELS.map(({ key, label, kind }) => {
    const value = formatStatistic(results.statistics[key], kind);
    return `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`;
  });
  return `<table id="argo-stats"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function tradesTable(results: BacktestResults): string {
  const withSymbol = results.symbolColumn ?? results.trades.some((t) => t.symbol !== undefined);
  const head = [...(withSymbol ? ["Symbol"] : []), "Size", "Entry", "Exit", "Entry price", "Exit price", "PnL", "Return [%]", "Fees"];
  const rows = results.trades.map((t) => {
    const cells = [
      ...(withSymbol ? [t.symbol ?? ""] : []),
      formatPlain(t.size), formatTime(t.entryTime), formatTime(t.exitTime), formatPlain(t.entryPrice), formatPlain(t.exitPrice), formatMoney(t.pnl, false), t.returnPct.toFixed(4), formatMoney(t.fees, false),
    ];
    return `<tr>${cells.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`;
  });
  return `<table id="argo-trades"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/**
 * The self-contained report page: the chart library inlined, the data embedded as JSON (escaped so it
 * cannot end its script element) and every text escaped for HTML. A notice under the title says when the run was
 * aborted, had problems or has warnings.
 */
export function renderReportHtml(results: BacktestResults, chartLibrary: string): string {
  const title = results.title ?? `Backtest ${results.symbol}`;
  const chart = toChartData(results);
  const times = results.candles;
  const intraday = times.length > 1 && times[1]!.time - times[0]!.time < DAY_MS;
  const data = jsonForScript({ symbol: results.symbol, intraday, chart });
  const notice = runNotice(results.run);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${notice === "" ? "" : NOTICE_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${notice}<div id="argo-chart"></div>
<div class="layout">
${statisticsTable(results)}
${tradesTable(results)}
</div>
<script id="argo-data" type="application/json">${data}</script>
<script>${chartLibrary}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

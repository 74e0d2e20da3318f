import { escapeHtml } from "./escape.ts";
import { runProblems } from "./run-problems.ts";
import type { ReportRun } from "./types.ts";

/** The notice's look: meant to be seen before the chart, not missed. */
export const NOTICE_STYLE = `
#argo-notice { border: 2px solid #c0392b; background: #fdecea; color: #611a15; padding: 8px 16px; margin: 0 0 16px; }
#argo-notice strong { display: block; margin-bottom: 4px; }
#argo-notice ul { margin: 0; padding-left: 20px; }
`;

/** The sentence about the problems the engine counted, none when there were none. */
function problemLines(run: ReportRun): string[] {
  const found = runProblems(run);
  return found.length === 0 ? [] : [`Problems during the run (see the log): ${found.join(", ")}.`];
}

/**
 * The notice at the top of report.html when the run was aborted, had problems or has warnings; "" for a clean run
 * (or results without a run). Every text is escaped.
 */
export function runNotice(run: ReportRun | undefined): string {
  if (run === undefined) return "";
  const lines = [
    ...(run.status === "aborted"
      ? [`Aborted after ${run.bars === 1 ? "1 bar" : `${run.bars} bars`}${run.abortReason ? `: ${run.abortReason}` : ""}. Nothing was closed at the end; the statistics cover only the bars replayed.`]
      : []),
    ...problemLines(run),
    ...run.warnings.map((warning) => `Warning: ${warning}`),
  ];
  if (lines.length === 0) return "";
  const heading = run.status === "aborted"
    ? "This backtest was aborted"
    : run.outOfMoney !== undefined ? "This backtest ran out of money" : "This backtest needs attention";
  return `<div id="argo-notice" role="alert"><strong>${escapeHtml(heading)}</strong><ul>\n${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("\n")}\n</ul></div>\n`;
}

import { drawdownAt } from "../stats/drawdown.ts";
import { isoTime } from "./iso-time.ts";
import type { ReportOpenTrade, ReportTrade } from "./types.ts";

/**
 * One CSV cell. Text a spreadsheet would run as a formula (a leading =, +, -, @, tab or carriage return: a symbol or a
 * name is any text) gets a leading apostrophe, as OWASP advises for CSV injection; numbers are written as they are.
 */
function field(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(header: readonly string[], lines: Iterable<readonly (string | number)[]>): string {
  let out = `${header.join(",")}\n`;
  for (const line of lines) out += `${line.map(field).join(",")}\n`;
  return out;
}

// Trades that name their symbol (every engine backtest's) get a leading symbol column; plain ones keep the old columns.
function symbolColumn<T extends { symbol?: string }>(
  trades: readonly T[], withSymbol: boolean, header: string[], line: (t: T) => (string | number)[],
): string {
  if (!withSymbol) return rows(header, trades.map(line));
  return rows(["symbol", ...header], trades.map((t) => [t.symbol ?? "", ...line(t)]));
}

/**
 * trades.csv: one row per closed trade, led by its symbol when `withSymbol` (default: when any trade carries one, so a
 * run without trades needs it said); times in ISO 8601 UTC, returnPct in percent, duration in ms.
 */
export function tradesToCsv(trades: readonly ReportTrade[], withSymbol = trades.some((t) => t.symbol !== undefined)): string {
  return symbolColumn(
    trades,
    withSymbol,
    ["size", "entryTime", "exitTime", "entryPrice", "exitPrice", "pnl", "returnPct", "fees", "durationMs"],
    (t) => [t.size, isoTime(t.entryTime), isoTime(t.exitTime), t.entryPrice, t.exitPrice, t.pnl, t.returnPct, t.fees, t.duration],
  );
}

/** open-trades.csv: one row per position part still open at the end; always with the symbol column (header only when none). */
export function openTradesToCsv(openTrades: readonly ReportOpenTrade[]): string {
  return rows(
    ["symbol", "size", "entryTime", "entryPrice", "entryFee"],
    openTrades.map((t) => [t.symbol ?? "", t.size, isoTime(t.entryTime), t.entryPrice, t.entryFee]),
  );
}

/**
 * equity.csv: one row per bar: time (ISO 8601 UTC), equity and drawdown from the running peak in percent. The peak starts
 * at `startingCash`, the equity before the first bar, when given (a fill on the first bar may already have moved it).
 */
export function equityToCsv(times: ArrayLike<number>, equity: ArrayLike<number>, startingCash = Number.NEGATIVE_INFINITY): string {
  function* lines(): Generator<(string | number)[]> {
    let peak = startingCash;
    for (let i = 0; i < times.length; i++) {
      const value = equity[i]!;
      if (value > peak) peak = value;
      yield [isoTime(times[i]!), value, drawdownAt(value, peak) * 100];
    }
  }
  return rows(["time", "equity", "drawdownPct"], lines());
}

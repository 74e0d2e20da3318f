import type { ClosedTrade } from "../stats/index.ts";

function field(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function rows(header: readonly string[], lines: Iterable<readonly (string | number)[]>): string {
  let out = `${header.join(",")}\n`;
  for (const line of lines) out += `${line.map(field).join(",")}\n`;
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** trades.csv: one row per closed trade; times in ISO 8601 UTC, returnPct in percent, duration in ms. */
export function tradesToCsv(trades: readonly ClosedTrade[]): string {
  return rows(
    ["size", "entryTime", "exitTime", "entryPrice", "exitPrice", "pnl", "returnPct", "fees", "durationMs"],
    trades.map((t) => [t.size, iso(t.entryTime), iso(t.exitTime), t.entryPrice, t.exitPrice, t.pnl, t.returnPct, t.fees, t.duration]),
  );
}

/** equity.csv: one row per bar: time (ISO 8601 UTC), equity and drawdown from the running peak in percent. */
export function equityToCsv(times: ArrayLike<number>, equity: ArrayLike<number>): string {
  function* lines(): Generator<(string | number)[]> {
    let peak = -Infinity;
    for (let i = 0; i < times.length; i++) {
      const value = equity[i]!;
      if (value > peak) peak = value;
      yield [iso(times[i]!), value, (1 - value / peak) * 100];
    }
  }
  return rows(["time", "equity", "drawdownPct"], lines());
}

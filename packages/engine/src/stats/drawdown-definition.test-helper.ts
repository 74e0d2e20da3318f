import type { DrawdownSummary } from "./drawdown.ts";

/** The drawdown 1 − equity / running peak of every bar; periods between bars at 0; the one-bar case at the end. */
export function drawdownDefinition(times: readonly number[], equity: readonly number[]): DrawdownSummary {
  const n = equity.length;
  const dd: number[] = [];
  let peak = -Infinity;
  for (const value of equity) {
    peak = value > peak ? value : peak;
    // The definition's rule, written out: within 1e-12 of the peak is at it (float noise of marking).
    const d = 1 - value / peak;
    dd.push(d < 1e-12 ? 0 : d);
  }
  const peaks: number[] = [];
  const durations: number[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (dd[i] !== 0 && i !== n - 1) continue;
    if (start >= 0 && i > start + 1) {
      peaks.push(Math.max(...dd.slice(start + 1, i + 1).filter((d) => d > 0), 0));
      durations.push(times[i]! - times[start]!);
    }
    if (dd[i] === 0) start = i;
  }
  if (peaks.length === 0 && n >= 2 && dd[n - 1]! > 0) {
    peaks.push(dd[n - 1]!);
    durations.push(times[n - 1]! - times[n - 2]!);
  }
  return { maxDrawdown: Math.max(0, ...dd.filter((d) => d > 0)), peaks, durations };
}

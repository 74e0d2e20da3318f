import { ArgoError } from "@argo/core";
import type { StatisticsInput } from "./types.ts";

function invalid(field: string, problem: string): ArgoError {
  return new ArgoError("INVALID_DATA", `statistics input: ${field} ${problem}`, { details: { field } });
}

/** Throws INVALID_DATA naming the field when the input cannot describe a backtest. */
export function validateStatisticsInput(input: StatisticsInput): void {
  const n = input.times.length;
  if (n === 0) throw invalid("times", "is empty; at least one bar is needed");
  if (input.equity.length !== n) throw invalid("equity", `has ${input.equity.length} values for ${n} bars`);
  if (input.closes.length !== n) throw invalid("closes", `has ${input.closes.length} values for ${n} bars`);
  const times = input.times;
  // One read per bar (the previous time is kept): this runs over every bar of every backtest.
  let previous = times[0]!;
  for (let i = 1; i < n; i++) {
    const time = times[i]!;
    if (!(time > previous)) throw invalid(`times[${i}]`, "is not after the previous bar time");
    previous = time;
  }
  if (!(input.startingCash > 0)) throw invalid("startingCash", "must be a positive number");
  const rf = input.riskFreeRate ?? 0;
  if (!(rf > -1 && rf < 1)) throw invalid("riskFreeRate", "must be a fraction between -1 and 1");
  const warmup = input.warmupBars ?? 0;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= n) {
    throw invalid("warmupBars", `must be a whole number from 0 to ${n - 1}`);
  }
}

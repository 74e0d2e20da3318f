import type { ReportRun } from "./types.ts";

/**
 * The problems a run's counters and final trading state show, as "strategy errors: 2" items; none for a clean run.
 * One list for the report's notice and the CLI's summary, so both always name the same things.
 */
export function runProblems(run: Pick<ReportRun, "strategyErrors" | "ordersRejected" | "errors" | "tradingState">): string[] {
  const counts = [[run.strategyErrors, "strategy errors"], [run.ordersRejected, "orders refused"], [run.errors, "other errors"]] as const;
  const found = counts.filter(([n]) => n > 0).map(([n, label]) => `${label}: ${n}`);
  if (run.tradingState !== "ACTIVE") found.push(`trading state at the end: ${run.tradingState}`);
  return found;
}

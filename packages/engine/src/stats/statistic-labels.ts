import type { BacktestStatistics } from "./types.ts";

/** How a statistic is shown: its backtesting.py label and the kind of value. */
export interface StatisticLabel {
  key: keyof BacktestStatistics;
  label: string;
  kind: "time" | "duration" | "money" | "percent" | "ratio" | "count";
}

/** Every statistic in backtesting.py's order, with its backtesting.py label. */
export const STATISTIC_LABELS: readonly StatisticLabel[] = [
  { key: "start", label: "Start", kind: "time" },
  { key: "end", label: "End", kind: "time" },
  { key: "duration", label: "Duration", kind: "duration" },
  { key: "exposureTimePct", label: "Exposure Time [%]", kind: "percent" },
  { key: "equityFinal", label: "Equity Final [$]", kind: "money" },
  { key: "equityPeak", label: "Equity Peak [$]", kind: "money" },
  { key: "commissions", label: "Commissions [$]", kind: "money" },
  { key: "returnPct", label: "Return [%]", kind: "percent" },
  { key: "buyAndHoldReturnPct", label: "Buy & Hold Return [%]", kind: "percent" },
  { key: "returnAnnPct", label: "Return (Ann.) [%]", kind: "percent" },
  { key: "volatilityAnnPct", label: "Volatility (Ann.) [%]", kind: "percent" },
  { key: "cagrPct", label: "CAGR [%]", kind: "percent" },
  { key: "sharpeRatio", label: "Sharpe Ratio", kind: "ratio" },
  { key: "sortinoRatio", label: "Sortino Ratio", kind: "ratio" },
  { key: "calmarRatio", label: "Calmar Ratio", kind: "ratio" },
  { key: "alphaPct", label: "Alpha [%]", kind: "percent" },
  { key: "beta", label: "Beta", kind: "ratio" },
  { key: "maxDrawdownPct", label: "Max. Drawdown [%]", kind: "percent" },
  { key: "avgDrawdownPct", label: "Avg. Drawdown [%]", kind: "percent" },
  { key: "maxDrawdownDuration", label: "Max. Drawdown Duration", kind: "duration" },
  { key: "avgDrawdownDuration", label: "Avg. Drawdown Duration", kind: "duration" },
  { key: "tradeCount", label: "# Trades", kind: "count" },
  { key: "winRatePct", label: "Win Rate [%]", kind: "percent" },
  { key: "bestTradePct", label: "Best Trade [%]", kind: "percent" },
  { key: "worstTradePct", label: "Worst Trade [%]", kind: "percent" },
  { key: "avgTradePct", label: "Avg. Trade [%]", kind: "percent" },
  { key: "maxTradeDuration", label: "Max. Trade Duration", kind: "duration" },
  { key: "avgTradeDuration", label: "Avg. Trade Duration", kind: "duration" },
  { key: "profitFactor", label: "Profit Factor", kind: "ratio" },
  { key: "expectancyPct", label: "Expectancy [%]", kind: "percent" },
  { key: "sqn", label: "SQN", kind: "ratio" },
  { key: "kellyCriterion", label: "Kelly Criterion", kind: "ratio" },
  { key: "periodsPerYear", label: "Periods per Year", kind: "count" },
];

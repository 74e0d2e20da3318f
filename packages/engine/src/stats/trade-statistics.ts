import { geometricMean } from "./geometric-mean.ts";
import { nanToNull } from "./stat-math.ts";
import type { ClosedTrade } from "./types.ts";

/** Per-trade figures of backtesting.py; percent fields in percent, durations raw (unrounded) ms. */
export interface TradeStatistics {
  tradeCount: number;
  winRatePct: number | null;
  bestTradePct: number | null;
  worstTradePct: number | null;
  avgTradePct: number | null;
  maxTradeDuration: number | null;
  avgTradeDuration: number | null;
  profitFactor: number | null;
  expectancyPct: number | null;
  sqn: number | null;
  kellyCriterion: number | null;
  commissions: number;
}

/** Win rate, best/worst/average trade, profit factor, expectancy, SQN, Kelly and commissions of closed trades. */
export function computeTradeStatistics(trades: readonly ClosedTrade[]): TradeStatistics {
  const n = trades.length;
  const returns = new Float64Array(n);
  let wins = 0;
  let winPnl = 0;
  let lossCount = 0;
  let lossPnl = 0;
  let gains = 0;
  let losses = 0;
  let returnSum = 0;
  let pnlSum = 0;
  let commissions = 0;
  let best = -Infinity;
  let worst = Infinity;
  let maxDuration = -Infinity;
  let durationSum = 0;
  for (let i = 0; i < n; i++) {
    const t = trades[i]!;
    const r = t.returnPct / 100;
    returns[i] = r;
    returnSum += r;
    pnlSum += t.pnl;
    commissions += t.fees;
    durationSum += t.duration;
    if (t.pnl > 0) {
      wins++;
      winPnl += t.pnl;
    } else if (t.pnl < 0) {
      lossCount++;
      lossPnl += t.pnl;
    }
    if (r > 0) gains += r;
    if (r < 0) losses += r;
    if (r > best) best = r;
    if (r < worst) worst = r;
    if (t.duration > maxDuration) maxDuration = t.duration;
  }
  if (n === 0) {
    return {
      tradeCount: 0, winRatePct: null, bestTradePct: null, worstTradePct: null, avgTradePct: null,
      maxTradeDuration: null, avgTradeDuration: null, profitFactor: null, expectancyPct: null,
      sqn: null, kellyCriterion: null, commissions: 0,
    };
  }
  const pnlMean = pnlSum / n;
  let squares = 0;
  for (const t of trades) squares += (t.pnl - pnlMean) ** 2;
  const pnlStd = n > 1 ? Math.sqrt(squares / (n - 1)) : Number.NaN;
  const winRate = wins / n;
  // Kelly: W − (1 − W) / R, R = average win / average loss (both in cash).
  const payoff = winPnl / wins / (-lossPnl / lossCount);
  const avgTrade = geometricMean(returns);
  return {
    tradeCount: n,
    winRatePct: winRate * 100,
    bestTradePct: best * 100,
    worstTradePct: worst * 100,
    avgTradePct: avgTrade === null ? null : avgTrade * 100,
    maxTradeDuration: maxDuration,
    avgTradeDuration: durationSum / n,
    profitFactor: losses === 0 ? null : gains / Math.abs(losses),
    expectancyPct: (returnSum / n) * 100,
    sqn: pnlStd === 0 ? null : nanToNull((Math.sqrt(n) * pnlMean) / pnlStd),
    kellyCriterion: nanToNull(winRate - (1 - winRate) / payoff),
    commissions,
  };
}

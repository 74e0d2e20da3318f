import { ArgoError } from "../errors/argo-error.ts";

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * A bar interval: a whole count from 1 without leading zeros, then a unit (s, m, h, d, w, M). One spelling per interval,
 * so configs and providers that compare intervals as text ("5m" and "05m") cannot disagree on what they name.
 */
export const INTERVAL_PATTERN = /^([1-9]\d*)([smhdwM])$/;

/**
 * The longest bar interval: a year (366 days, so "52w" and "12M" pass). Longer ones name no market's bars, and the count
 * is unbounded text: "100000000w" is past the safe integers, where bar times stop being exact.
 */
export const MAX_INTERVAL_MS = 366 * 86_400_000;

/** Why `interval` is not one (malformed, or longer than {@link MAX_INTERVAL_MS}), or undefined for a valid one. */
export function intervalProblem(interval: string): string | undefined {
  const ms = patternMs(interval);
  if (ms === undefined) return `invalid interval "${interval}": expected a number from 1 (no leading zeros) and a unit (s, m, h, d, w, M), e.g. "1m"`;
  if (ms > MAX_INTERVAL_MS) return `invalid interval "${interval}": at most a year long (366 days, e.g. "52w" or "12M")`;
  return undefined;
}

/** Milliseconds in a bar interval such as "1s", "5m", "1h", "1d" or "1w"; months ("1M") count as 30 days. */
export function intervalToMs(interval: string): number {
  const problem = intervalProblem(interval);
  if (problem !== undefined) throw new ArgoError("INVALID_CONFIGURATION", problem, { details: { interval } });
  return patternMs(interval)!;
}

function patternMs(interval: string): number | undefined {
  const match = INTERVAL_PATTERN.exec(interval);
  if (!match) return undefined;
  const unit = match[2] as string;
  return Number(match[1]) * (unit === "M" ? 30 * UNIT_MS.d! : UNIT_MS[unit]!);
}

import { intervalToMs } from "./interval.ts";

/**
 * The length (ms) every bar of `interval` has, or undefined for calendar months ("1M", "3M"): their bars differ in
 * length, so each one's close comes from `barCloseTime`. A malformed interval is INVALID_CONFIGURATION, as in `intervalToMs`.
 */
export function fixedIntervalMs(interval: string): number | undefined {
  const ms = intervalToMs(interval);
  return interval.endsWith("M") ? undefined : ms;
}

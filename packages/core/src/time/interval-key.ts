import { fixedIntervalMs } from "./fixed-interval-ms.ts";

/**
 * What two intervals share when they are the same bar size: "1d" and "24h" last as long, while a calendar
 * month ("1M") matches only the same number of months, never a count of days such as "30d".
 */
export function intervalKey(interval: string): string {
  const ms = fixedIntervalMs(interval);
  return ms === undefined ? `${Number(interval.slice(0, -1))}M` : String(ms);
}

import { fixedIntervalMs } from "./fixed-interval-ms.ts";

/**
 * When a bar that opened at `openTime` closes (epoch ms, UTC). Calendar months ("1M", "3M") end at the same day of a
 * later month — February is not 30 days — every other interval is a fixed length. Venue clocks and the engine's clock
 * use this, so an order placed after a monthly bar arrives at the next bar's open, not inside it.
 */
export function barCloseTime(openTime: number, interval: string): number {
  const fixed = fixedIntervalMs(interval);
  if (fixed !== undefined) return openTime + fixed;
  const months = Number(interval.slice(0, -1));
  const date = new Date(openTime);
  return Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth() + months,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

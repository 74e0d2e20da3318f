import { fixedIntervalMs } from "./fixed-interval-ms.ts";

/**
 * When a bar that opened at `openTime` closes (epoch ms, UTC). Calendar months ("1M", "3M") end at the same day of a
 * later month — February is not 30 days — every other interval is a fixed length. A bar dated on the last day of its
 * month (as monthly data often is: 01-31, 02-29, 03-31) ends on the last day of the later month, and a day the later
 * month lacks is its last day: rolling 01-31 over into March would close the bar after the next one opened. Venue
 * clocks and the engine's clock use this, so an order placed after a monthly bar arrives at the next bar's open, not
 * inside it.
 */
export function barCloseTime(openTime: number, interval: string): number {
  const fixed = fixedIntervalMs(interval);
  if (fixed !== undefined) return openTime + fixed;
  const months = Number(interval.slice(0, -1));
  const date = new Date(openTime);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const lastDay = daysInMonth(year, month + months);
  return Date.UTC(
    year,
    month + months,
    day === daysInMonth(year, month) ? lastDay : Math.min(day, lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/** Days in month `month` (0-based, may run past 11 into later years) of `year`. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

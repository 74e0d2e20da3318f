import type { StatisticLabel } from "../stats/index.ts";
import { DAY_MS } from "../stats/stat-math.ts";
import { isoTime } from "./iso-time.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** A duration as pandas prints a Timedelta: "584 days 00:00:00". */
export function formatDuration(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = Math.round((ms - days * DAY_MS) / 1000);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return `${days} days ${pad(hours)}:${pad(minutes)}:${pad(rest - minutes * 60)}`;
}

/** An epoch-ms time as "YYYY-MM-DD HH:MM:SS" (UTC). */
export function formatTime(ms: number): string {
  return isoTime(ms).replace("T", " ").replace(/\.\d+Z$/, "");
}

/** One statistic as shown in the report: "—" when undefined, "∞" when infinite. */
export function formatStatistic(value: number | null, kind: StatisticLabel["kind"]): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  switch (kind) {
    case "time":
      return formatTime(value);
    case "duration":
      return formatDuration(value);
    case "money":
      return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "count":
      return String(value);
    default:
      return value.toFixed(kind === "percent" ? 4 : 5);
  }
}

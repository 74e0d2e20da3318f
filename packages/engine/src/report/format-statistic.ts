import type { StatisticLabel } from "../stats/index.ts";
import { DAY_MS } from "../stats/stat-math.ts";
import { isoTime } from "./iso-time.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** A duration as pandas prints a Timedelta: "584 days 00:00:00". */
export function formatDuration(ms: number): string {
  // Rounded to whole seconds before splitting: a remainder that rounds up to a full day must carry into the days
  // ("1 days 00:00:00"), not print as "0 days 24:00:00".
  const seconds = Math.round(ms / 1000);
  const days = Math.floor(seconds / (DAY_MS / 1000));
  let rest = seconds - days * (DAY_MS / 1000);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return `${days} days ${pad(hours)}:${pad(minutes)}:${pad(rest - minutes * 60)}`;
}

/** An epoch-ms time as "YYYY-MM-DD HH:MM:SS" (UTC). */
export function formatTime(ms: number): string {
  return isoTime(ms).replace("T", " ").replace(/\.\d+Z$/, "");
}

/** One statistic as shown in the report: "—" when undefined, "∞" when infinite; money as {@link formatMoney} writes it. */
export function formatStatistic(value: number | null, kind: StatisticLabel["kind"]): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  switch (kind) {
    case "time":
      return formatTime(value);
    case "duration":
      return formatDuration(value);
    case "money":
      return formatMoney(value);
    case "count":
      return String(value);
    default:
      return value.toFixed(kind === "percent" ? 4 : 5);
  }
}

const CENTS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const CENTS_PLAIN = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
// Standard notation never switches to an exponent: 1e-8 is written 0.00000001.
const SIGNIFICANT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6, useGrouping: false });

// Enough fraction digits for any price or size a venue can quote (a satoshi is 1e-8; 20 is Intl's limit).
const PLAIN = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20, useGrouping: false });

/**
 * A price or a size as it is, never in exponent form: JavaScript writes 0.00000001 as "1e-8", which a reader of the
 * trades table takes for a broken figure. Any other number keeps its shortest form (String), digit for digit.
 */
export function formatPlain(value: number): string {
  const text = String(value);
  return text.includes("e") && Number.isFinite(value) ? PLAIN.format(value) : text;
}

/**
 * An amount of money in any currency: two decimals where they say it (10,234.50, 0.50, 0.25), else up to 6 significant
 * digits (0.00187 for a fee in BTC, 0.00000001 for a satoshi) rather than a 0.00 that hides the figure. Amounts of 1 or
 * more always get two decimals. `grouping` puts thousands separators in (the statistics table; a table of trades has none).
 */
export function formatMoney(value: number, grouping = true): string {
  const magnitude = value < 0 ? -value : value;
  if (magnitude >= 1 || magnitude === 0 || !Number.isFinite(value)) return (grouping ? CENTS : CENTS_PLAIN).format(value);
  const significant = Number(value.toPrecision(6));
  // Two decimals when they hold all of the figure's 6 significant digits.
  return Math.round(significant * 100) / 100 === significant ? CENTS_PLAIN.format(value) : SIGNIFICANT.format(significant);
}

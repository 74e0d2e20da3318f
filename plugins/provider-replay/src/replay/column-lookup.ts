import type { BarField } from "./replay-config.ts";

/** Names a field goes by when the config does not map it; matched in any case, in this order. */
const USUAL_NAMES: Record<BarField, readonly string[]> = {
  // The reference files (pandas exports) leave the index column unnamed. It comes last: a file from
  // `reset_index().to_csv()` has an unnamed row-number column before its "Date".
  time: ["time", "date", "datetime", "timestamp", "opentime", "open_time", "t", ""],
  open: ["open", "o"],
  high: ["high", "h"],
  low: ["low", "l"],
  close: ["close", "c"],
  volume: ["volume", "vol", "v"],
};

/**
 * Index of the column (or key) holding `field` among `names`, or -1. A configured name wins and
 * is matched exactly first, then in any case; otherwise the usual names are tried.
 */
export function findColumn(names: readonly string[], field: BarField, configured?: string): number {
  const trimmed = names.map((name) => name.trim());
  if (configured !== undefined) {
    const exact = trimmed.indexOf(configured);
    if (exact >= 0) return exact;
    return trimmed.findIndex((name) => name.toLowerCase() === configured.toLowerCase());
  }
  const lower = trimmed.map((name) => name.toLowerCase());
  for (const candidate of USUAL_NAMES[field]) {
    const index = lower.indexOf(candidate);
    if (index >= 0) return index;
  }
  return -1;
}

/** What a field was looked for as, for the message when it is missing. */
export function describeLookup(field: BarField, configured?: string): string {
  if (configured !== undefined) return `"${configured}" (files[].columns.${field})`;
  return USUAL_NAMES[field].map((name) => (name === "" ? "an unnamed column" : `"${name}"`)).join(", ");
}

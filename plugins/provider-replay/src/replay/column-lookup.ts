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
 * Indexes of every column (or key) among `names` holding `field`, in order; empty when none does. A configured name
 * wins and is matched exactly first, then in any case; otherwise the usual names are tried. More than one means the
 * field is ambiguous ("close" twice, or "Close" and "close" matched in any case): taking the first would read a column
 * the file may not mean. Unnamed columns are no rivals: the first is the time by convention (a pandas index), and a
 * trailing comma in a header adds another.
 */
export function findColumns(names: readonly string[], field: BarField, configured?: string): number[] {
  const trimmed = names.map((name) => name.trim());
  if (configured !== undefined) {
    const exact = indexesOf(trimmed, configured);
    if (exact.length > 0) return firstIfUnnamed(exact, configured);
    return firstIfUnnamed(indexesOf(trimmed.map(lowerCase), configured.toLowerCase()), configured);
  }
  const lower = trimmed.map(lowerCase);
  for (const candidate of USUAL_NAMES[field]) {
    const found = indexesOf(lower, candidate);
    if (found.length > 0) return firstIfUnnamed(found, candidate);
  }
  return [];
}

function indexesOf(names: readonly string[], name: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < names.length; i++) if (names[i] === name) found.push(i);
  return found;
}

function firstIfUnnamed(found: number[], name: string): number[] {
  return name === "" ? found.slice(0, 1) : found;
}

function lowerCase(name: string): string {
  return name.toLowerCase();
}

/** What a field was looked for as, for the message when it is missing. */
export function describeLookup(field: BarField, configured?: string): string {
  if (configured !== undefined) return `"${configured}" (files[].columns.${field})`;
  return USUAL_NAMES[field].map((name) => (name === "" ? "an unnamed column" : `"${name}"`)).join(", ");
}

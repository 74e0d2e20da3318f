// Epoch seconds taken as milliseconds is the commonest time mistake, and it passes every range check: seconds of
// 1973-03-03 (1e8) up to 2200 read as milliseconds are 1970-01-02 to 1970-03-26. Those weeks of 1970 are refused where
// a time is epoch milliseconds: real bars of them are vanishingly rare (and can still be written as ISO dates), while a
// run over such times would run on a calendar squeezed into weeks of 1970, or on all history.
const SECONDS_AS_MS_FROM = 1e8;
const SECONDS_AS_MS_UNTIL = Date.UTC(2200, 0, 1) / 1000;

/** Whether an epoch-milliseconds `time` is most likely epoch seconds: it lies in 1970-01-02 to 1970-03-26, where 1973 to 2200 in seconds land. */
export function looksLikeEpochSeconds(time: number): boolean {
  return time >= SECONDS_AS_MS_FROM && time < SECONDS_AS_MS_UNTIL;
}

/** Both readings of an epoch number, as in `1970-01-15T14:38:24.000Z in epoch milliseconds and 2010-01-01T00:00:00.000Z in epoch seconds`. */
export function epochReadings(value: number): string {
  return `${isoOrText(value)} in epoch milliseconds and ${isoOrText(value * 1000)} in epoch seconds`;
}

// A number past the dates a Date holds would throw in toISOString: shown as written instead.
function isoOrText(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

import { describe, expect, test } from "bun:test";
import { epochReadings, looksLikeEpochSeconds } from "./epoch-seconds.ts";

describe("looksLikeEpochSeconds", () => {
  test("epoch seconds of 1973 to 2200 are caught; milliseconds of those years are not", () => {
    // 2010-01-01T00:00:00Z is 1262304000 s (40 years of 365.25 days less a day: 14610 days × 86400).
    expect(looksLikeEpochSeconds(1_262_304_000)).toBe(true);
    expect(looksLikeEpochSeconds(1_262_304_000_000)).toBe(false);
    // The window's edges by hand: 1e8 s is 1973-03-03T09:46:40Z; 2200-01-01 is 7258118400 s.
    expect(looksLikeEpochSeconds(1e8)).toBe(true);
    expect(looksLikeEpochSeconds(1e8 - 1)).toBe(false);
    expect(looksLikeEpochSeconds(7_258_118_400 - 1)).toBe(true);
    expect(looksLikeEpochSeconds(7_258_118_400)).toBe(false);
  });

  test("the epoch itself, negative times and NaN are not taken for seconds", () => {
    expect(looksLikeEpochSeconds(0)).toBe(false);
    expect(looksLikeEpochSeconds(-1_262_304_000)).toBe(false);
    expect(looksLikeEpochSeconds(Number.NaN)).toBe(false);
  });
});

describe("epochReadings", () => {
  test("names both readings as ISO times", () => {
    // 1262304000 ms = 14 days (1209600000) + 52704000 ms = 14 d 14 h 38 min 24 s after the epoch.
    expect(epochReadings(1_262_304_000)).toBe("1970-01-15T14:38:24.000Z in epoch milliseconds and 2010-01-01T00:00:00.000Z in epoch seconds");
  });

  test("a number no Date holds is shown as written, not thrown on", () => {
    // 8e15 ms is within a Date's ±8.64e15; 8e18 ms is not.
    expect(epochReadings(8e15)).toBe(`${new Date(8e15).toISOString()} in epoch milliseconds and 8000000000000000000 in epoch seconds`);
  });
});

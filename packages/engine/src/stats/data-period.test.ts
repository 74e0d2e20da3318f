import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { annualisation, ceilDuration, dataPeriod, durationResolution } from "./data-period.ts";
import { periodReturns } from "./period-returns.ts";
import { pythonFloorDiv } from "../test-fixtures/python-floor-div.ts";
import { REFERENCE_DATA as DATA, readOhlcCsv } from "../test-fixtures/read-ohlc-csv.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("annualisation", () => {
  test("weekday-only daily bars use 252 periods, every-day bars 365", () => {
    const weekdays = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12].map((d) => Date.UTC(2024, 0, d));
    expect(annualisation(weekdays)).toEqual({ bucket: "D", periodsPerYear: 252 });
    const everyDay = Array.from({ length: 14 }, (_, i) => Date.UTC(2024, 0, 1 + i));
    expect(annualisation(everyDay)).toEqual({ bucket: "D", periodsPerYear: 365 });
  });

  test("weekly bars use weeks (52), monthly bars months (12), yearly bars years (1)", () => {
    expect(annualisation(Array.from({ length: 10 }, (_, i) => i * 7 * DAY)).periodsPerYear).toBe(52);
    expect(annualisation(readOhlcCsv(join(DATA, "BTCUSD.csv")).map((b) => b.openTime))).toEqual({ bucket: "M", periodsPerYear: 12 });
    expect(annualisation([2019, 2020, 2021, 2022].map((y) => Date.UTC(y, 0, 1)))).toEqual({ bucket: "Y", periodsPerYear: 1 });
  });

  test("hourly bars are sampled per calendar day", () => {
    expect(annualisation(readOhlcCsv(join(DATA, "EURUSD.csv")).map((b) => b.openTime)).bucket).toBe("D");
  });
});

describe("periodReturns", () => {
  test("takes the last value of each UTC day and skips empty days", () => {
    const times = [0, 12 * HOUR, DAY + HOUR, 3 * DAY];
    const returns = periodReturns(times, [100, 110, 121, 96.8], "D");
    expect(returns.length).toBe(2);
    expect(returns[0]).toBeCloseTo(0.1, 12); // 110 → 121
    expect(returns[1]).toBeCloseTo(-0.2, 12); // 121 → 96.8
  });

  test("weeks run Monday to Sunday", () => {
    const sunday = Date.UTC(2024, 0, 7);
    const monday = Date.UTC(2024, 0, 8);
    expect(periodReturns([Date.UTC(2024, 0, 1), sunday, monday], [1, 2, 3], "W")).toEqual([0.5]);
  });
});

describe("durations", () => {
  test("the bar period is the median spacing; durations round up to its finest unit", () => {
    expect(dataPeriod([0, DAY, 2 * DAY, 5 * DAY])).toBe(DAY);
    expect(durationResolution(DAY)).toBe(DAY);
    expect(durationResolution(HOUR)).toBe(HOUR);
    expect(durationResolution(DAY + HOUR)).toBe(HOUR);
    expect(durationResolution(90_000)).toBe(1_000);
    expect(ceilDuration(40.2 * DAY, DAY)).toBe(41 * DAY);
    expect(ceilDuration(null, DAY)).toBeNull();
  });
});

describe("pythonFloorDiv", () => {
  test("matches Python's float // where naive division rounds up", () => {
    expect(Math.floor(1 / 0.1)).toBe(10);
    expect(pythonFloorDiv(1, 0.1)).toBe(9); // Python: 1 // 0.1 == 9.0
    expect(pythonFloorDiv(10_000 * (1 - Number.EPSILON), 100.34)).toBe(99);
    expect(pythonFloorDiv(-7, 2)).toBe(-4);
    expect(pythonFloorDiv(7, 2)).toBe(3);
  });
});

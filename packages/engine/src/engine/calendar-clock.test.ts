import type { Bar } from "@argo/core";
import { expect, test } from "bun:test";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const month = (m: number): Bar => {
  const openTime = Date.UTC(2024, m, 1);
  return { symbol: "BTC", interval: "1M", openTime, open: 100 + m, high: 110 + m, low: 90 + m, close: 105 + m, volume: 1 };
};

test("monthly bars close when the next month opens: the engine and venue clocks never run into the next bar", async () => {
  const bars = [0, 1, 2, 3].map(month); // Jan..Apr 2024; February has 29 days
  const seen: Array<[number, number]> = [];
  const venue = new FakeVenue();
  const setTimes: number[] = [];
  const setTime = venue.setTime.bind(venue);
  venue.setTime = (time: number) => {
    setTimes.push(time);
    setTime(time);
  };
  const run = await runEngine({
    bars,
    venue,
    engine: { interval: "1M" },
    strategy: testStrategy({ onBar: (bar, ctx) => void seen.push([bar.openTime, ctx.time]) }),
  });
  expect(run.error).toBeUndefined();
  // Each bar's time is the next bar's open (30-day months would put February's close at March 2).
  expect(seen.map(([, time]) => new Date(time).toISOString().slice(0, 10))).toEqual(["2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]);
  // The venue's clock starts at the first bar's open (where orders placed in init meet the market), then each bar's close.
  expect(setTimes.slice(0, 4)).toEqual(bars.map((b) => b.openTime));
});

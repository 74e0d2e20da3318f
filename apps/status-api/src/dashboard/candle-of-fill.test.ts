import { describe, expect, test } from "bun:test";
import { CANDLE_OF_FILL_SCRIPT } from "./candle-of-fill.ts";
import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";

// The same source text the page runs.
const candleOfFill = new Function(`${CANDLE_OF_FILL_SCRIPT}\nreturn candleOfFill;`)() as (times: number[], t: number) => number | undefined;

describe("dashboard candleOfFill", () => {
  const times = [600, 660, 720, 780];

  test("a fill from before the chart's first candle has no marker, rather than one piled on that candle", () => {
    expect(candleOfFill(times, 599)).toBeUndefined();
    expect(candleOfFill(times, 0)).toBeUndefined();
    expect(candleOfFill([], 700)).toBeUndefined();
  });

  test("a fill sits on the candle open at its time: the last opened at or before it, the newest one for later fills", () => {
    // By hand: 600 opens the first candle; 659 is still in it; 660 opens the second; 779 is in the third; 5000 is past them all.
    expect([600, 659, 660, 721, 779, 780, 5000].map((t) => candleOfFill(times, t))).toEqual([600, 600, 660, 720, 720, 780, 780]);
  });

  test("the page script embeds it and places markers with it", () => {
    expect(DASHBOARD_SCRIPT).toContain(CANDLE_OF_FILL_SCRIPT);
    expect(DASHBOARD_SCRIPT).toContain("candleOfFill(times, Math.floor(f.time / 1000))");
  });
});

import { describe, expect, test } from "bun:test";
import { CHART_WINDOW_SCRIPT } from "./chart-window.ts";
import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";

type Bar = { time: number };
type Fill = { time: number };
// The same source text the page runs.
const trimChart = new Function(`${CHART_WINDOW_SCRIPT}\nreturn trimChart;`)() as (bars: Bar[], fills: Fill[]) => { bars: Bar[]; fills: Fill[] } | null;

/** `n` one-minute bars from t = 0 s. */
const bars = (n: number): Bar[] => Array.from({ length: n }, (_, i) => ({ time: i * 60 }));

describe("dashboard trimChart (a tab left open for weeks)", () => {
  test("nothing is cut until the window has doubled: 1,000 bars and 4,000 fills are kept as they are", () => {
    expect(trimChart(bars(1000), Array.from({ length: 4000 }, () => ({ time: 0 })))).toBeNull();
  });

  test("past 1,000 bars: the newest 500, and the fills from the first of them on (fills in ms, bars in s)", () => {
    // 1,001 bars: the newest 500 start at bar 501, t = 30,060 s; fills at 30,059,999 ms and before are dropped.
    const kept = trimChart(bars(1001), [{ time: 0 }, { time: 30_059_999 }, { time: 30_060_000 }, { time: 60_000_000 }])!;
    expect(kept.bars.length).toBe(500);
    expect(kept.bars[0]!.time).toBe(30_060);
    expect(kept.fills.map((f) => f.time)).toEqual([30_060_000, 60_000_000]);
  });

  test("past 4,000 fills in the window: the newest 2,000", () => {
    const fills = Array.from({ length: 4001 }, (_, i) => ({ time: i }));
    const kept = trimChart(bars(10), fills)!;
    expect(kept.bars.length).toBe(10);
    expect(kept.fills.length).toBe(2000);
    expect(kept.fills[0]!.time).toBe(2001);
  });

  test("the page embeds it and trims after each bar and each fill", () => {
    expect(DASHBOARD_SCRIPT).toContain(CHART_WINDOW_SCRIPT);
    expect(DASHBOARD_SCRIPT).toContain("series.update(next);\n  keepChartRecent();");
    expect(DASHBOARD_SCRIPT).toContain("redrawMarkers(); keepChartRecent(); }");
  });
});

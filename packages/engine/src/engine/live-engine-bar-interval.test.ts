// A live bar labelled with another interval than the session's: its close time (the engine's and the paper venue's clock,
// which never goes back) would come from its own label, a day ahead for "1d" in a 1h session; a malformed label ("1H")
// ended the whole session with INVALID_CONFIGURATION. Both are refused as stream errors and the session goes on.
import "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar, Fill, Order } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 2);

/** Eight hourly bars of X from T0 (opens 100, 101, ... closes 101, 102, ...), the third (02:00) labelled `label`. */
function hourly(label: unknown): Bar[] {
  const bars = barsFromCloses("X", [101, 102, 103, 104, 105, 106, 107, 108], T0, "1h", H);
  bars[2] = { ...bars[2]!, interval: label as string };
  return bars;
}

/** Runs a 1h paper session that buys 1 at the 03:00 bar; records the bars and clock times the strategy saw, orders and fills. */
async function run(bars: Bar[], interval = "1h") {
  const seen: { openTime: number; time: number }[] = [];
  const result = await runEngine({
    bars,
    engine: { interval, trading: { provider: "paper", config: { initialCapital: 10_000 } } },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        seen.push({ openTime: bar.openTime, time: ctx.time });
        if (bar.openTime === T0 + 3 * H) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 });
      },
    }),
  });
  const errors = result.named("onError").map(([e]) => [(e as ArgoError).code, (e as ArgoError).message]);
  const fills = result.named("onOrderFilled").map(([fill]) => fill as Fill);
  const placedAt = result.named("onOrderPlaced").map(([order]) => (order as Order).createdAt);
  return { ...result, seen, fills, placedAt, errors };
}

describe("a live bar of another interval than the session's", () => {
  test('a "1d" bar in a 1h session is refused naming the bar and both intervals; the clocks stay hourly and the order fills on the next bar', async () => {
    const bars = hourly("1d");
    const r = await run(bars);
    expect(r.error).toBeUndefined();
    expect(r.result?.status).toBe("completed");
    expect(r.errors).toEqual([["INVALID_DATA", 'bar X 2024-01-02T02:00:00.000Z: interval "1d" is not the session\'s interval "1h"; the bar is refused']]);
    // Every other bar, each seen at its own close (open + 1h): the refused one moved no clock.
    const kept = [0, 1, 3, 4, 5, 6, 7].map((i) => T0 + i * H);
    expect(r.seen).toEqual(kept.map((openTime) => ({ openTime, time: openTime + H })));
    // Placed at 04:00 (the 03:00 bar's close), the market order fills at the next bar's open: 04:00, price 104
    // (bar 4 opens at bar 3's close). Before the mend the venue's clock stood at 02:00 next day: the order was stamped
    // then and never filled within these bars.
    expect(r.placedAt).toEqual([T0 + 4 * H]);
    expect(r.fills.map((f) => [f.time, f.price, f.quantity])).toEqual([[T0 + 4 * H, 104, 1]]);
    expect(r.result?.counters).toMatchObject({ bars: 7, streamErrors: 1 });
  });

  test.each([["1H"], ["60"], ["01h"]])('a malformed label %p is a stream error naming the bar, not the end of the session', async (label) => {
    const r = await run(hourly(label));
    expect(r.error).toBeUndefined();
    expect(r.result?.status).toBe("completed");
    expect(r.errors).toEqual([[
      "INVALID_DATA",
      `bar X 2024-01-02T02:00:00.000Z: interval "${label}" is no bar interval (expected a number from 1 without leading zeros and a unit s, m, h, d, w or M); the session's interval is "1h"; the bar is refused`,
    ]]);
    expect(r.seen.map((s) => s.openTime)).toEqual([0, 1, 3, 4, 5, 6, 7].map((i) => T0 + i * H));
    expect(r.fills.map((f) => f.time)).toEqual([T0 + 4 * H]);
  });

  test("a label that is no string is refused as well", async () => {
    const r = await run(hourly(undefined));
    expect(r.error).toBeUndefined();
    expect(r.errors).toEqual([["INVALID_DATA", 'bar X 2024-01-02T02:00:00.000Z: interval is undefined, not a bar interval; the session\'s interval is "1h"; the bar is refused']]);
    expect(r.seen).toHaveLength(7);
  });

  test('another spelling of the same size ("60m" in a 1h session) is the same interval: nothing is refused', async () => {
    const r = await run(hourly("60m"));
    expect(r.errors).toEqual([]);
    expect(r.seen.map((s) => s.time)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => T0 + i * H));
  });
});

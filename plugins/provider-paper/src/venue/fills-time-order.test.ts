import type { Fill, TradingEvent } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, START } from "../__fixtures__/venue-harness.ts";

const MINUTE = 60_000;
const bracket = { takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 95 } };
const fillsOf = (events: TradingEvent[]): Fill[] => events.flatMap((e) => (e.type === "fill" ? [e.fill] : []));

describe("a bar's fills come in time order whatever the order the orders were placed in", () => {
  test("a stop-loss leg filling at the open trades before a market order that arrived inside the bar (latency over a bar)", async () => {
    // 1m bars and a latency of 1.5 bars. The seed bar closes at START+1m: the entry "e" (with its bracket) is placed then
    // and arrives at +2.5m, inside the bar [2m, 3m): it fills at that bar's close (100) at +3m, and its legs start then.
    // The exit "x" (SELL 1 at market) is placed at +2m, before the legs existed, and arrives at +3.5m, inside [3m, 4m).
    // That bar gaps open at 94, through the stop-loss at 95: the leg fills at the open, 94 at +3m; x fills at the close,
    // 94 at +4m. Placement order alone put x (placed before the leg) first: stamped +4m, ahead of the leg's +3m fill.
    const { venue, feed, events } = await harness({ latencyMs: 90_000, allowShorting: true, defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed(100); // [1m, 2m): e still on its way
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 1, clientOrderId: "x" });
    feed({ open: 100, high: 101, low: 99, close: 100 }); // [2m, 3m): e fills at the close
    feed({ open: 94, high: 95, low: 93, close: 94 }); // [3m, 4m): the stop-loss at the open, then x at the close
    const fills = fillsOf(events).map((f) => [f.clientOrderId, f.price, (f.time - START) / MINUTE]);
    expect(fills).toEqual([
      ["e", 100, 3],
      ["e-sl", 94, 3],
      ["x", 94, 4],
    ]);
    // x sold after the stop-loss had closed the long: it opened a short of 1.
    const position = await venue.getPosition("XYZ");
    expect([position?.side, position?.quantity]).toEqual(["SHORT", 1]);
  });
});

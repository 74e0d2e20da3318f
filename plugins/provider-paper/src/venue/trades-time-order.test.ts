import { expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";

const T0 = Date.UTC(2024, 0, 2);
const MINUTE = 60_000;
const bar = (symbol: string, openTime: number, open: number, low = open, high = open, close = open) => ({ symbol, interval: "1m", openTime, open, high, low, close, volume: 1e9 });

test("trades come oldest first by time and `limit` keeps the newest, though symbols' bars trade in turn", async () => {
  // Latency 30 s. B's buy limit at 95 is working before the step at T0; A's market buy is placed at T0 and arrives at
  // T0+30s, inside A's bar, so it trades at that bar's close, T0+1m. A's bar of the step is processed first, then B's,
  // which opens at 94 and fills the limit at its open, T0. Executed A then B; in time B (T0) then A (T0+1m).
  const venue = createPaperVenue({ initialCapital: 10_000, latencyMs: 30_000, symbols: ["A", "B"], commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  venue.setTime(T0 - 2 * MINUTE);
  await venue.placeOrder({ symbol: "B", side: "BUY", type: "LIMIT", limitPrice: 95, quantity: 1, clientOrderId: "b" });
  venue.processBar(bar("A", T0 - MINUTE, 100));
  venue.processBar(bar("B", T0 - MINUTE, 100, 99, 101));
  await venue.placeOrder({ symbol: "A", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "a" });
  venue.processBar(bar("A", T0, 100));
  venue.processBar(bar("B", T0, 94));
  const all = await venue.getTrades();
  expect(all.map((t) => [t.clientOrderId, t.time - T0])).toEqual([["b", 0], ["a", MINUTE]]);
  // The newest trade is a's, at T0+1m; before, `limit` cut the execution order and gave b's.
  expect((await venue.getTrades({ limit: 1 })).map((t) => t.clientOrderId)).toEqual(["a"]);
  // Walking back from it by time reaches b.
  expect((await venue.getTrades({ limit: 1, to: T0 + MINUTE })).map((t) => t.clientOrderId)).toEqual(["b"]);
});

// DAY orders across many symbols: daily bars of 500 symbols, each bar followed by a new DAY limit order of its symbol that
// never fills and expires at its own symbol's next day-end bar, against the same number of bars and orders over 5 symbols
// (the baseline, in the same process). A venue whose expiry work grows with the symbol count shows a ratio well above 1.
// Run: bun run bench day-orders
import type { Bar } from "@argo/core";
import { collectRounds } from "../../../bench/rounds.ts";
import { median } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { createPaperVenue } from "../src/index.ts";

const DAY = 86_400_000;
const BARS = 100_000;
const MANY = 500;
const FEW = 5;
const ROUNDS = 7;

/** Feeds `BARS` daily bars round-robin over `symbols` symbols as the engine does (clock to the close, then the bar); returns bars per second. */
async function round(symbols: number): Promise<number> {
  const venue = createPaperVenue({ initialCapital: 1e12 });
  await venue.connect();
  let expired = 0;
  venue.on((event) => {
    if (event.type === "order" && event.order.status === "EXPIRED") expired++;
  });
  const names = Array.from({ length: symbols }, (_, i) => `S${i}`);
  let openTime = Date.UTC(2020, 0, 1);
  const days = BARS / symbols;
  const started = performance.now();
  for (let day = 0; day < days; day++) {
    for (const symbol of names) {
      const bar: Bar = { symbol, interval: "1d", openTime, open: 100, high: 101, low: 99, close: 100, volume: 1e6 };
      venue.setTime(openTime + DAY);
      venue.processBar(bar);
      venue.placeOrderSync({ symbol, side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, timeInForce: "DAY" });
    }
    openTime += DAY;
  }
  const elapsed = performance.now() - started;
  // Every order but the last day's expired at its symbol's next bar: a venue that kept them would not be measuring this.
  if (expired !== BARS - symbols) throw new Error(`expected ${BARS - symbols} expiries over ${symbols} symbols, saw ${expired}`);
  return (BARS / elapsed) * 1_000;
}

// Warm-up (JIT), not recorded.
await round(MANY);
await round(FEW);

const { many, few } = await collectRounds(ROUNDS, async () => ({ many: await round(MANY), few: await round(FEW) }));

writeResult({
  name: "provider-paper-day-orders",
  description: `Paper venue: ${BARS} daily bars round-robin over ${MANY} symbols, each followed by a DAY limit order of its symbol that expires unfilled at that symbol's next bar, against the same bars and orders over ${FEW} symbols; ${ROUNDS} rounds, medians.`,
  figures: {
    barsPerSecondManySymbolsMedian: Math.round(median(many)),
    barsPerSecondFewSymbolsMedian: Math.round(median(few)),
  },
  ratios: { timePerBarManyVsFewSymbols: Number((median(few) / median(many)).toFixed(3)) },
  goal: "the time per bar does not grow with the number of symbols (ratio near 1)",
});

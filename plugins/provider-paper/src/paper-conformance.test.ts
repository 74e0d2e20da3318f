import type { Bar } from "@argo/core";
import { describeTradingConformance } from "@argo/core/testing";
import { createPaperVenue } from "./index.ts";

const INTERVAL_MS = 60_000;

/** Runs the suite against a venue made from `config`, feeding one-minute bars. */
function conformance(name: string, config: Parameters<typeof createPaperVenue>[0], quantityStep?: number): void {
  describeTradingConformance({
    name,
    symbol: "BTCUSDT",
    price: 100,
    quantity: 1,
    ...(quantityStep ? { quantityStep } : {}),
    async create() {
      const venue = createPaperVenue(config);
      // Each setPrice is the next one-minute bar with OHLC = price and ample volume.
      let openTime = Date.UTC(2024, 0, 2);
      venue.setTime(openTime);
      return {
        provider: venue,
        async setPrice(symbol: string, price: number) {
          const bar: Bar = { symbol, interval: "1m", openTime, open: price, high: price, low: price, close: price, volume: 1e9 };
          venue.processBar(bar);
          openTime += INTERVAL_MS;
        },
      };
    },
  });
}

conformance("paper", { initialCapital: 100_000, commission: { makerRate: 0.0005, takerRate: 0.001 } });
// With Binance-like venue rules: sizes on a lot step, prices on a tick, a minimum notional.
conformance(
  "paper with venue rules",
  { initialCapital: 100_000, commission: { makerRate: 0.001, takerRate: 0.001 }, defaultRules: { tickSize: 0.01, stepSize: 0.001, minNotional: 5 } },
  0.001,
);

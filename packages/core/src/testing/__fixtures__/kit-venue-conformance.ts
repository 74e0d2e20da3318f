// Run by kit-catches-faults.test.ts as `bun test ./this-file` in a child process, with KIT_VENUE_FAULT naming the
// venue's fault: the kit's verdict on a faulty venue is a failing run, which a test can only observe from outside.
import { describeTradingConformance } from "../describe-trading-conformance.ts";
import { KitVenue, type KitVenueFault } from "./kit-venue.ts";

const fault = (process.env.KIT_VENUE_FAULT ?? "none") as KitVenueFault;

describeTradingConformance({
  name: `kit venue (fault: ${fault})`,
  symbol: "BTCUSDT",
  price: 100,
  quantity: 1,
  create: async () => {
    const venue = new KitVenue(fault);
    return { provider: venue, setPrice: async (symbol, price) => venue.trade(symbol, price) };
  },
});

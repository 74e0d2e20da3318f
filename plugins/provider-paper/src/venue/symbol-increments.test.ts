import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";

describe("getSymbolIncrements: the lot and tick steps the config sets", () => {
  test("a symbol's own rules over defaultRules; the defaults for any other symbol", async () => {
    const venue = createPaperVenue({ defaultRules: { stepSize: 0.001, tickSize: 0.01 }, symbolRules: { BTC: { stepSize: 0.00001 } } });
    // BTC's entry replaces the defaults whole (as for every rule): no tick size of its own.
    expect(await venue.getSymbolIncrements("BTC")).toEqual({ stepSize: 0.00001 });
    expect(await venue.getSymbolIncrements("ETH")).toEqual({ stepSize: 0.001, tickSize: 0.01 });
    // Only own keys of symbolRules: "toString" is a symbol like any other and gets the defaults.
    expect(await venue.getSymbolIncrements("toString")).toEqual({ stepSize: 0.001, tickSize: 0.01 });
  });

  test("undefined when no rule sets a step, and without connecting", async () => {
    expect(await createPaperVenue({}).getSymbolIncrements("X")).toBeUndefined();
    expect(await createPaperVenue({ defaultRules: { minNotional: 10 } }).getSymbolIncrements("X")).toBeUndefined();
  });

  test("the step it states is the one its LOT_SIZE check enforces", async () => {
    const venue = createPaperVenue({ defaultRules: { stepSize: 0.5 } });
    await venue.connect();
    const step = (await venue.getSymbolIncrements("X"))!.stepSize!;
    venue.processBar({ symbol: "X", interval: "1m", openTime: 0, open: 10, high: 10, low: 10, close: 10, volume: 1e6 });
    await expect(venue.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 9, quantity: step * 3 })).resolves.toBeDefined();
    await expect(venue.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 9, quantity: step * 3.5 })).rejects.toThrow("LOT_SIZE");
  });
});

import { createProvider, isArgoError, providerConfigJsonSchema } from "@argo/core";
import { describeTradingConformance } from "@argo/core/testing";
import { expect, test } from "bun:test";
import "./index.ts";
import type { ExampleVenue } from "./example-venue.ts";

describeTradingConformance({
  name: "example",
  symbol: "BTCUSDT",
  price: 100,
  quantity: 0.5,
  create: async () => {
    const venue = (await createProvider("trading", "example", { initialCash: 10_000, symbols: ["BTCUSDT"] })) as ExampleVenue;
    return { provider: venue, setPrice: async (symbol, price) => venue.quote(symbol, price) };
  },
});

test("the example provider's config JSON Schema", () => {
  expect(providerConfigJsonSchema("example")).toMatchSnapshot();
});

test("a market order before the first quote is refused, not filled past the cash at the first quote", async () => {
  const venue = (await createProvider("trading", "example", { initialCash: 1_000, symbols: ["BTCUSDT"] })) as ExampleVenue;
  await venue.connect();
  const early = await venue.placeOrder({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: 100 }).catch((error: unknown) => error);
  expect(isArgoError(early, "INVALID_ORDER")).toBe(true);
  venue.quote("BTCUSDT", 100);
  // 100 at 100 costs 10,000 of the 1,000 there is: refused now that there is a price to check it against.
  expect((await venue.getAccount()).balance).toBe(1_000);
  const late = await venue.placeOrder({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: 100 }).catch((error: unknown) => error);
  expect(isArgoError(late, "INSUFFICIENT_FUNDS")).toBe(true);
});

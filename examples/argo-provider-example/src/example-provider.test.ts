import { createProvider, providerConfigJsonSchema } from "@argo/core";
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

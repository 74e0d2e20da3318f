import "@argo/provider-paper";
import "@argo/provider-replay";
import { createProvider, type Bar, type MarketDataProvider } from "@argo/core";
import * as v from "valibot";
import { defineStrategy, silentLogger } from "../index.ts";
import { InMemoryMarketData, runBacktest } from "./index.ts";
const N = 1_000_000;
const sim = { pattern: "random_walk", initialPrice: 100, volatility: 0.001, bars: N, seed: 1, interval: "1m" };
const md = (await createProvider("market-data", "simulated", sim)) as MarketDataProvider;
const bars: Bar[] = [];
for await (const b of md.history("BTC", "1m", 0, Number.MAX_SAFE_INTEGER)) bars.push(b);
let crosses = 0;
const indOnly = defineStrategy({ name: "ind", description: "", config: v.object({}), onBar(_b, ctx) {
  const f = ctx.indicators.sma(10), s = ctx.indicators.sma(30);
  const a = f.value(), b = s.value(), c = f.previous(), d = s.previous();
  if (a === undefined || b === undefined || c === undefined || d === undefined) return;
  if ((c < d && a > b) || (c > d && a < b)) crosses++;
} });
const data = new InMemoryMarketData(bars);
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const mem = await runBacktest({ symbols: ["BTC"], interval: "1m", marketData: data, trading: { provider: "paper", config: { initialCapital: 10_000 } }, strategy: indOnly, logger: silentLogger });
  console.log(performance.now() - t, crosses);
}

import "@argo/provider-paper";
import "@argo/provider-replay";
import { createProvider, type Bar, type MarketDataProvider } from "@argo/core";
import { join } from "node:path";
import { silentLogger } from "../index.ts";
import { InMemoryMarketData, runBacktest } from "./index.ts";
const N = Number(process.env.N ?? 1_000_000);
const sim = { pattern: "random_walk", initialPrice: 100, volatility: Number(process.env.VOL ?? 0.001), bars: N, seed: 1, interval: "1m" };
const SMA = join(import.meta.dir, "../../../../examples/strategies/sma-cross.ts");
const md = (await createProvider("market-data", "simulated", sim)) as MarketDataProvider;
const bars: Bar[] = [];
for await (const b of md.history("BTC", "1m", 0, Number.MAX_SAFE_INTEGER)) bars.push(b);
const trading = () => ({ provider: "paper", config: { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } } });
const strat = process.env.NOOP ? { name: "noop", description: "", config: (await import("valibot")).object({}), onBar() {} } : SMA;
for (let r = 0; r < Number(process.env.R ?? 3); r++) {
  const t = performance.now();
  const mem = await runBacktest({ symbols: ["BTC"], interval: "1m", marketData: new InMemoryMarketData(bars), trading: trading(), strategy: strat as never, logger: silentLogger });
  console.log(performance.now() - t, mem.statistics.tradeCount, mem.fills.length);
}

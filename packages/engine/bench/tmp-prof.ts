import "@argo/provider-replay";
import { createProvider } from "@argo/core";
import { defineStrategy, LiveEngine, silentLogger } from "../src/index.ts";
import { FakeVenue } from "../src/test-fixtures/fake-venue.ts";
import * as v from "valibot";
const BARS = 300_000;
const simulated = { pattern: "random_walk", initialPrice: 100, volatility: 0.01, bars: BARS, seed: 1 };
async function run(name: string, onBar: any, paper: boolean) {
  const strategy = defineStrategy({ name, description: "", config: v.object({}), onBar });
  const trading = paper ? await createProvider("trading", "paper", { initialCapital: 100_000, allowShorting: true }) : new FakeVenue({ cash: 1e9, allowShort: true });
  const live = new LiveEngine({ symbols: ["BTCUSDT"], interval: "1m", marketData: { provider: "simulated", config: simulated }, trading, strategy, logger: silentLogger });
  const t = performance.now(); await live.run(); const s = (performance.now() - t) / 1000;
  console.log(name, paper ? "paper" : "fake", Math.round(BARS / s));
}
await import("@argo/provider-paper");
for (let i = 0; i < 2; i++) for (const paper of [false, true]) {
  await run("noop", () => {}, paper);
  let k = 0;
  await run("orders-every-20", (_b: any, ctx: any) => { if (++k % 20 === 0) return ctx.placeOrder({ side: k % 40 ? "BUY" : "SELL", quantity: 1 }); }, paper);
}

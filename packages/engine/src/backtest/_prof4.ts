import "@argo/provider-paper";
import { type Bar } from "@argo/core";
import * as v from "valibot";
import { defineStrategy, silentLogger } from "../index.ts";
import { InMemoryMarketData, runBacktest } from "./index.ts";
const N = 1_000_000;
const bars: Bar[] = [];
let p = 100;
for (let i = 0; i < N; i++) { const o = p; p *= 1 + (Math.sin(i * 0.37) * 0.001); bars.push({ symbol: "SIM", interval: "1m", openTime: i * 60000, open: o, high: Math.max(o, p) * 1.001, low: Math.min(o, p) * 0.999, close: p, volume: 1 }); }
const mode = process.env.MODE!;
const strat = defineStrategy({ name: "x", description: "", config: v.object({}),
  init(ctx) { if (mode !== "noop") { ctx.indicators.sma(10); ctx.indicators.sma(30); } },
  onBar(_b, ctx) {
    if (mode !== "read") return;
    const fast = ctx.indicators.sma(10), slow = ctx.indicators.sma(30);
    const f = fast.value(), s = slow.value(), pf = fast.previous(), ps = slow.previous();
    if (f === undefined || s === undefined || pf === undefined || ps === undefined) return;
  } });
const data = new InMemoryMarketData(bars);
for (let r = 0; r < 4; r++) {
  const t = performance.now();
  await runBacktest({ symbols: ["SIM"], interval: "1m", marketData: data, trading: { provider: "paper", config: {} }, strategy: strat, logger: silentLogger });
  console.log(mode, (performance.now() - t).toFixed(0));
}

import "@argo/provider-paper";
import "@argo/provider-replay";
import { createProvider, type Bar, type MarketDataProvider } from "@argo/core";
import * as v from "valibot";
import { defineStrategy, silentLogger, type StrategyContext } from "../index.ts";
import { InMemoryMarketData, runBacktest } from "./index.ts";
const N = 1_000_000;
const sim = { pattern: "random_walk", initialPrice: 100, volatility: 0.001, bars: N, seed: 1, interval: "1m" };
const md = (await createProvider("market-data", "simulated", sim)) as MarketDataProvider;
const bars: Bar[] = [];
for await (const b of md.history("SIM", "1m", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) bars.push(b);
class Rolling { private buf: Float64Array; private i = 0; private n = 0; private sum = 0; constructor(private p: number) { this.buf = new Float64Array(p); }
  update(bar: Bar) { const c = bar.close; if (this.n === this.p) this.sum -= this.buf[this.i]!; else this.n++; this.buf[this.i] = c; this.sum += c; this.i = (this.i + 1) % this.p; return this.n === this.p ? this.sum / this.p : null; } }
const mode = process.env.MODE ?? "rolling";
const strat = defineStrategy({ name: "x", description: "", config: v.object({}), onBar(_b, ctx) {
  const fast = mode === "rolling" ? ctx.indicators.custom("r10", () => new Rolling(10), 10) : ctx.indicators.sma(10);
  const slow = mode === "rolling" ? ctx.indicators.custom("r30", () => new Rolling(30), 30) : ctx.indicators.sma(30);
  const f = fast.value(), s = slow.value(), pf = fast.previous(), ps = slow.previous();
  if (f === undefined || s === undefined || pf === undefined || ps === undefined) return;
  if (mode === "noorders") return;
  if (pf < ps && f > s) return reverse(ctx, "LONG");
  if (pf > ps && f < s) return reverse(ctx, "SHORT");
} });
async function reverse(ctx: StrategyContext<unknown>, to: "LONG" | "SHORT") {
  const held = ctx.position();
  if (held?.side === to) return;
  if (held) await ctx.signal({ action: to === "LONG" ? "CLOSE_SHORT" : "CLOSE_LONG" });
  await ctx.signal({ action: to === "LONG" ? "OPEN_LONG" : "OPEN_SHORT", equityFraction: 1 });
}
const data = new InMemoryMarketData(bars);
for (let r = 0; r < 4; r++) {
  const t = performance.now();
  const res = await runBacktest({ symbols: ["SIM"], interval: "1m", marketData: data, trading: { provider: "paper", config: { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } } }, strategy: strat, logger: silentLogger });
  console.log(mode, (performance.now() - t).toFixed(0), res.statistics.tradeCount);
}

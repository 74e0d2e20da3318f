import "@argo/provider-paper";
import "@argo/provider-replay";
import { join } from "node:path";
import { silentLogger } from "../index.ts";
import { runBacktest } from "./index.ts";
const GOOG = join(import.meta.dir, "../../../../../shared/reference/data/GOOG.csv");
const t0 = performance.now();
const r = await runBacktest({ symbols: ["GOOG"], interval: "1d", marketData: { provider: "replay", config: { files: [{ path: GOOG, symbol: "GOOG", interval: "1d" }] } },
  trading: { provider: "paper", config: { initialCapital: 10000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } } },
  strategy: join(import.meta.dir, "../../../../examples/strategies/sma-cross.ts"), strategyConfig: { fast: 10, slow: 30 }, logger: silentLogger, progress: true }, { onError: (e) => console.log("err", e.message) });
console.log(performance.now() - t0, r.statistics, r.trades.length, r.fills.length, r.warmupBars, r.bars);

import { computeStatistics } from "../stats/compute-statistics.ts";
const N = 1_000_000;
const times = new Float64Array(N), eq = new Float64Array(N), cl = new Float64Array(N);
let p = 100;
for (let i = 0; i < N; i++) { times[i] = Date.UTC(2024,0,1) + i * 60000; p *= 1 + (Math.random() - 0.5) * 0.002; cl[i] = p; eq[i] = 10000 + p; }
for (let r = 0; r < 4; r++) { const t = performance.now(); computeStatistics({ times, equity: eq, closes: cl, trades: [], startingCash: 10000 }); console.log("stats", performance.now() - t); }

import type { Bar } from "@argo/core";

/** Bars of one symbol from a list of closes: open = previous close, high/low 0.5% around, volume 1000, 1-minute apart by default. */
export function barsFromCloses(symbol: string, closes: readonly number[], start = Date.UTC(2024, 0, 1), interval = "1m", stepMs = 60_000): Bar[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!;
    return {
      symbol,
      interval,
      openTime: start + i * stepMs,
      open,
      high: Math.max(open, close) * 1.005,
      low: Math.min(open, close) * 0.995,
      close,
      volume: 1000,
    };
  });
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random-walk closes from `start`, each step ±`volatility` (fraction) at most. */
export function randomCloses(count: number, seed: number, start = 100, volatility = 0.02, drift = 0): number[] {
  const next = prng(seed);
  const out: number[] = [];
  let price = start;
  for (let i = 0; i < count; i++) {
    price *= 1 + drift + (next() * 2 - 1) * volatility;
    out.push(price);
  }
  return out;
}

/** A seeded source of uniform and normal random numbers: mulberry32, a 32-bit state and a handful of integer ops per draw. */
export class Prng {
  private state: number;
  private spare = Number.NaN;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box–Muller); the second value of each pair is kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare;
      this.spare = Number.NaN;
      return value;
    }
    // 1 - u keeps the logarithm's argument in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

/** A 32-bit generator seed from the config seed and a symbol, so each symbol gets its own but reproducible path. */
export function seedFor(seed: number, symbol: string): number {
  // FNV-1a over the symbol, started from both halves of the (possibly > 32-bit) seed.
  let hash = (0x811c9dc5 ^ (seed | 0) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < symbol.length; i++) hash = Math.imul(hash ^ symbol.charCodeAt(i), 0x01000193);
  // murmur3's finaliser spreads nearby seeds (1, 2, 3) over the whole state space.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}

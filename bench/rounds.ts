/**
 * Runs `round` the given number of times, one after another, and gathers each figure it returns into a list across
 * the rounds (ready for `median`/`percentile`). Measuring every variant inside one round, in turn, spreads slow
 * moments of the machine over all of them instead of over whichever variant happened to run then.
 */
export async function collectRounds<K extends string>(
  rounds: number,
  round: (index: number) => Record<K, number> | Promise<Record<K, number>>,
): Promise<Record<K, number[]>> {
  const samples = {} as Record<K, number[]>;
  for (let index = 0; index < rounds; index++) {
    const figures = await round(index);
    for (const key of Object.keys(figures) as K[]) (samples[key] ??= []).push(figures[key]);
  }
  return samples;
}

/** Runs `fn` once and gives its value with the wall time it took, in milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Milliseconds `fn` took to run once. */
export async function timeMs(fn: () => unknown): Promise<number> {
  return (await timed(fn)).ms;
}

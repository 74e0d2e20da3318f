import { describe, expect, test } from "bun:test";
import { barIndexAt, barIndexFrom } from "./bar-index.ts";

/** The last index whose time is <= `time`, by walking the whole array (0 when none is). */
function linear(times: readonly number[], time: number): number {
  let found = 0;
  for (let i = 0; i < times.length; i++) if (times[i]! <= time) found = i;
  return found;
}

describe("bar index lookups", () => {
  const times: number[] = [];
  for (let t = 1_000, i = 0; i < 500; i++) times.push((t += 1 + ((i * 7919) % 13)));

  test("barIndexAt and barIndexFrom agree with a linear scan for every hint", () => {
    const queries = [Number.NEGATIVE_INFINITY, 0, times[0]! - 1, times[0]!, times.at(-1)!, times.at(-1)! + 5, Number.NaN];
    for (let i = 0; i < times.length; i += 7) queries.push(times[i]!, times[i]! + 1, times[i]! - 1);
    for (const time of queries) {
      const want = linear(times, time);
      expect(barIndexAt(times, time), `at ${time}`).toBe(want);
      for (const hint of [-1, 0, 1, 17, 250, 498, 499, 500, 10_000]) expect(barIndexFrom(times, time, hint), `from ${hint} at ${time}`).toBe(want);
    }
  });

  test("chained lookups in rising order (as exposure does) give the same indexes", () => {
    let hint = 0;
    for (let time = times[0]! - 10; time < times.at(-1)! + 10; time += 3) {
      hint = barIndexFrom(times, time, hint);
      expect(hint).toBe(linear(times, time));
    }
  });

  test("an empty curve gives 0", () => {
    expect(barIndexAt([], 5)).toBe(0);
    expect(barIndexFrom([], 5, 0)).toBe(0);
  });
});

import { expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Busy-waits, standing in for a strategy's work on one bar. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test("a never-idle stream still lets timers, signals and sockets run while the engine consumes it", async () => {
  const bars = barsFromCloses("X", Array.from({ length: 400 }, (_, i) => 100 + i));
  let processed = 0;
  let macrotaskSawBar: number | undefined;
  setImmediate(() => (macrotaskSawBar = processed));
  const run = await runEngine({
    bars,
    strategy: testStrategy({
      onBar() {
        processed++;
        work(0.05);
      },
    }),
  });
  expect(run.error).toBeUndefined();
  expect(processed).toBe(400);
  // 400 bars × 0.05 ms is 20 ms of work: without the engine's yield the macrotask would only run after the last bar.
  expect(macrotaskSawBar).toBeDefined();
  expect(macrotaskSawBar!).toBeLessThan(400);
});

import { describe, expect, test } from "bun:test";
import { createPacer, type PacerClock } from "./pacer.ts";

/** A clock whose sleeps only record how long they were asked for and move time on by as much. */
function fakeClock(): PacerClock & { waits: number[] } {
  let now = 1_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
      return true;
    },
  };
}

describe("createPacer", () => {
  test("waits the data-time gap divided by the speed", async () => {
    const clock = fakeClock();
    const pace = createPacer(10, undefined, clock);
    const hour = 3_600_000;
    for (const time of [0, hour, 3 * hour]) expect(await pace(time)).toBe(true);
    expect(clock.waits).toEqual([hour / 10, (2 * hour) / 10]);
  });

  test("time the consumer already spent counts against the wait", async () => {
    const clock = fakeClock();
    const pace = createPacer(1, undefined, clock);
    await pace(0);
    clock.waits.length = 0;
    // Simulate 400 ms spent elsewhere since the first bar.
    await clock.sleep(400);
    clock.waits.length = 0;
    await pace(1_000);
    expect(clock.waits).toEqual([600]);
    await pace(1_000);
    expect(clock.waits).toEqual([600]);
  });

  test("an aborted signal makes it resolve false without waiting", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const pace = createPacer(1, controller.signal, clock);
    await pace(0);
    controller.abort();
    expect(await pace(60_000)).toBe(false);
    expect(clock.waits).toEqual([]);
  });
});

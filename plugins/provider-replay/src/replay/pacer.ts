import { abortableSleep } from "../shared/abortable-sleep.ts";

/** Clock and sleep a pacer uses; tests pass their own. */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
}

const realClock: PacerClock = { now: () => performance.now(), sleep: abortableSleep };

/**
 * Paces bars at `speed` times real time: the bar at data time t is released (t - t0) / speed
 * after the first one. Measuring from the start rather than bar to bar keeps slow consumers from
 * adding drift. The returned function resolves false when the signal aborted the wait.
 */
export function createPacer(speed: number, signal?: AbortSignal, clock: PacerClock = realClock): (time: number) => Promise<boolean> {
  let startWall: number | undefined;
  let startData = 0;
  return async (time) => {
    if (signal?.aborted) return false;
    if (startWall === undefined) {
      startWall = clock.now();
      startData = time;
      return true;
    }
    const wait = startWall + (time - startData) / speed - clock.now();
    return wait > 0 ? clock.sleep(wait, signal) : true;
  };
}

import type { Fill } from "@argo/core";
import { fillKey } from "../journal/fill-key.ts";
import { RecentIds } from "./eviction-ring.ts";

/**
 * Fills remembered for reporting each once: a venue may report a fill again (an event after the lookup that found it, or
 * a broker re-sending the day's executions after a reconnect or a restart). Far more than a day's fills of a strategy, so a
 * long session stays bounded without forgetting a fill a venue may still repeat.
 */
export const REPORTED_FILLS_KEPT = 65_536;

/** The last {@link REPORTED_FILLS_KEPT} fills recorded and reported, seeded with those an earlier session recorded. */
export class ReportedFills {
  private readonly recent = new RecentIds(REPORTED_FILLS_KEPT);

  constructor(recorded: Iterable<string> = []) {
    for (const key of recorded) this.recent.add(key);
  }

  /** True the first time `fill` is seen, which remembers it; false when it was reported already. */
  first(fill: Fill): boolean {
    const key = fillKey(fill.clientOrderId, fill.id);
    if (this.recent.has(key)) return false;
    this.recent.add(key);
    return true;
  }
}

import { RecentIds } from "./eviction-ring.ts";

/** Malformed fill events remembered per session: far more than a venue ever sends (one is rare, a backlog of them rarer). */
export const MALFORMED_FILL_EVENTS_KEPT = 4096;

/**
 * The malformed fill events a session reported, by (order client id, fill id): a venue re-sends its executions' backlog
 * at each reconnect, and one bad execution is one report, as a bad fill an order lists is (see RefusedFills).
 */
export class MalformedFillEvents {
  private readonly reported = new RecentIds(MALFORMED_FILL_EVENTS_KEPT);

  /**
   * Whether a malformed `event` is to be reported: false for a fill event whose order client id and fill id were
   * reported already. An event without both ids cannot be told from another: reported each time.
   */
  firstReport(event: unknown): boolean {
    const key = fillEventKey(event);
    if (key === undefined) return true;
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }
}

/** The (order client id, fill id) of a fill event as one key (JSON, so no id's text can fake a pair), else undefined. */
function fillEventKey(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null) return undefined;
  const e = event as { type?: unknown; order?: unknown; fill?: unknown };
  if (e.type !== "fill") return undefined;
  const orderId = idOf(e.order, "clientOrderId");
  const fillId = idOf(e.fill, "id");
  return orderId === undefined || fillId === undefined ? undefined : JSON.stringify([orderId, fillId]);
}

/** `value[field]` when `value` is an object and that is a non-empty string. */
function idOf(value: unknown, field: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as Record<string, unknown>)[field];
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * How many lookups of one order may fail in all before the engine stops asking (the first, then one per time step): a
 * venue down for a few bars is waited out, one that never answers about an order is not asked every bar of a long session.
 */
export const LOOKUP_ATTEMPTS = 5;

/**
 * The gateway's lookups of orders it holds as working (see OrderGateway.refresh): those on their way, so one order is
 * never asked about twice at once (a second ask joins the first), and those that failed, asked again at later time steps
 * until answered, no longer held working, or failed {@link LOOKUP_ATTEMPTS} times, and once more at the stop (see left).
 */
export class LookupRetries {
  private readonly asking = new Map<string, Promise<unknown>>();
  /** Per order whose last lookup failed: how many have failed, and the engine's clock (a step's close) at the last one. */
  private readonly failures = new Map<string, { count: number; at: number }>();

  /** Number of orders whose last lookup failed, waiting to be asked again. */
  get size(): number {
    return this.failures.size;
  }

  /** The lookup of `id` on its way, if any. */
  running(id: string): Promise<unknown> | undefined {
    return this.asking.size === 0 ? undefined : this.asking.get(id);
  }

  /** Notes a lookup of `id` on its way until `asked` settles (its rejection is its caller's to handle). */
  started(id: string, asked: Promise<unknown>): void {
    this.asking.set(id, asked);
    const done = () => {
      if (this.asking.get(id) === asked) this.asking.delete(id);
    };
    void asked.then(done, done);
  }

  /** The venue answered about `id`: it is not asked again. */
  answered(id: string): void {
    if (this.failures.size !== 0) this.failures.delete(id);
  }

  /**
   * A lookup of `id` failed at the engine's clock `at`: how many have failed in all; at {@link LOOKUP_ATTEMPTS} it is
   * given up (not asked again).
   */
  failed(id: string, at: number): number {
    const count = (this.failures.get(id)?.count ?? 0) + 1;
    if (count >= LOOKUP_ATTEMPTS) this.failures.delete(id);
    else this.failures.set(id, { count, at });
    return count;
  }

  /**
   * The orders to ask about again at the engine's clock `now`: those still held working (`working`), not asked about at
   * this moment, whose last failure came at an earlier step (several symbols' bars share a step: a brief outage must
   * not spend every attempt within one). One the engine no longer holds working (an event, a cancel's answer told its
   * fate meanwhile) is forgotten.
   */
  due(working: (id: string) => boolean, now: number): string[] {
    return this.sweep(working, (id, at) => !this.asking.has(id) && at < now);
  }

  /**
   * At the stop: every order whose last lookup failed and that is still held working, whatever step it failed in and
   * whether or not it is being asked about now (a caller joins that lookup: see OrderGateway.refresh). No later step
   * comes to ask again; one no longer held working is forgotten, as in {@link due}.
   */
  left(working: (id: string) => boolean): string[] {
    return this.sweep(working, () => true);
  }

  /** The failed lookups of orders still held working that `wanted` picks; those no longer held working are forgotten. */
  private sweep(working: (id: string) => boolean, wanted: (id: string, at: number) => boolean): string[] {
    const ids: string[] = [];
    for (const [id, failure] of Array.from(this.failures)) {
      if (!working(id)) this.failures.delete(id);
      else if (wanted(id, failure.at)) ids.push(id);
    }
    return ids;
  }
}

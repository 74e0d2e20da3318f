/**
 * How many lookups of one order may fail in all before the engine stops asking (the first, then one per bar): a venue
 * down for a few bars is waited out, one that never answers about an order is not asked every bar of a long session.
 */
export const LOOKUP_ATTEMPTS = 5;

/**
 * The gateway's lookups of orders it holds as working (see OrderGateway.refresh): those on their way, so one order is
 * never asked about twice at once (a second ask joins the first), and those that failed, asked again at the next bars
 * until answered, no longer held working, or failed {@link LOOKUP_ATTEMPTS} times.
 */
export class LookupRetries {
  private readonly asking = new Map<string, Promise<unknown>>();
  private readonly failures = new Map<string, number>();

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

  /** A lookup of `id` failed: how many have failed in all; at {@link LOOKUP_ATTEMPTS} it is given up (not asked again). */
  failed(id: string): number {
    const count = (this.failures.get(id) ?? 0) + 1;
    if (count >= LOOKUP_ATTEMPTS) this.failures.delete(id);
    else this.failures.set(id, count);
    return count;
  }

  /**
   * The orders to ask about again now: those still held working (`working`) and not asked about at this moment. One the
   * engine no longer holds working (an event, a cancel's answer told its fate meanwhile) is forgotten.
   */
  due(working: (id: string) => boolean): string[] {
    const ids: string[] = [];
    for (const id of Array.from(this.failures.keys())) {
      if (!working(id)) this.failures.delete(id);
      else if (!this.asking.has(id)) ids.push(id);
    }
    return ids;
  }
}

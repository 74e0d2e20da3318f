/**
 * The last `capacity` ids in the order they were added: adding one past the capacity returns the
 * oldest, which the caller forgets. Keeps per-order memories (finished orders, reported rejections)
 * bounded over a long session without a timestamp or a sweep.
 */
export class EvictionRing {
  private readonly ids: string[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  /** Adds `id`; returns the id it pushed out, if the ring was full. */
  add(id: string): string | undefined {
    const ids = this.ids;
    if (ids.length < this.capacity) {
      ids.push(id);
      return undefined;
    }
    const evicted = ids[this.next]!;
    ids[this.next] = id;
    this.next = (this.next + 1) % this.capacity;
    return evicted;
  }
}

/** A set of the last `capacity` ids added: an older one leaves it as a new one comes in (an {@link EvictionRing} keeps the order). */
export class RecentIds {
  private readonly members = new Set<string>();
  private readonly ring: EvictionRing;

  constructor(capacity: number) {
    this.ring = new EvictionRing(capacity);
  }

  /** Whether `id` is among the last `capacity` ids added. */
  has(id: string): boolean {
    return this.members.has(id);
  }

  /** Adds `id` (a no-op when it is there already), forgetting the oldest past the capacity. */
  add(id: string): void {
    if (this.members.has(id)) return;
    this.members.add(id);
    const evicted = this.ring.add(id);
    if (evicted !== undefined) this.members.delete(evicted);
  }

  /**
   * Forgets `id` now. Its slot in the ring stays until it comes round: if `id` is added again meanwhile, it is forgotten
   * that much earlier, which only shortens a memory meant to cover a short while.
   */
  delete(id: string): void {
    this.members.delete(id);
  }

  /** How many ids are remembered: at most the capacity. */
  get size(): number {
    return this.members.size;
  }
}

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

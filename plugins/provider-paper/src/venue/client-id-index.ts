import type { OrderRecord } from "./order-record.ts";

const INITIAL_SLOTS = 1024;

/**
 * The venue's orders by client id: an open-addressing hash table of (32-bit string hash, order
 * number) pairs in two Int32Arrays; the records stay in `byNumber` (order number n at index n - 1).
 *
 * Why not a Map: every placement looks up a fresh id and then inserts it, and with tens of thousands
 * of orders a Map<string, …> costs several hundred ns per placement (measured: the largest single
 * cost of the order path). Here a lookup compares stored hashes in one flat array and reads a record
 * only when a hash matches; growing rehashes stored hashes, never strings.
 */
export class ClientIdIndex {
  private hashes = new Int32Array(INITIAL_SLOTS);
  /** Order number per slot; 0 marks an empty slot (numbers start at 1). */
  private numbers = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;
  // get() then add() of the same id is the placement pattern: hash it once.
  private lastId: string | undefined;
  private lastHash = 0;

  constructor(private readonly byNumber: ReadonlyArray<OrderRecord | undefined>) {}

  /** The order with this client id, if any. */
  get(id: string): OrderRecord | undefined {
    if (typeof id !== "string") return undefined;
    const hash = this.hashOf(id);
    const { hashes, numbers, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const number = numbers[slot]!;
      if (number === 0) return undefined;
      if (hashes[slot] === hash) {
        const rec = this.byNumber[number - 1]!;
        if (rec.order.clientOrderId === id) return rec;
      }
    }
  }

  /** Indexes `rec` (already in `byNumber`) under its client id, which no order may hold yet. */
  add(rec: OrderRecord): void {
    if ((this.count + 1) * 2 > this.numbers.length) this.grow();
    this.place(this.hashOf(rec.order.clientOrderId), rec.seq);
    this.count++;
  }

  private place(hash: number, number: number): void {
    const { hashes, numbers, mask } = this;
    let slot = hash & mask;
    while (numbers[slot] !== 0) slot = (slot + 1) & mask;
    hashes[slot] = hash;
    numbers[slot] = number;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldNumbers = this.numbers;
    const size = oldNumbers.length * 2;
    this.hashes = new Int32Array(size);
    this.numbers = new Int32Array(size);
    this.mask = size - 1;
    for (let slot = 0; slot < oldNumbers.length; slot++) {
      if (oldNumbers[slot] !== 0) this.place(oldHashes[slot]!, oldNumbers[slot]!);
    }
  }

  private hashOf(id: string): number {
    if (id === this.lastId) return this.lastHash;
    const hash = hashString(id);
    this.lastId = id;
    this.lastHash = hash;
    return hash;
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so short ids differing in their last character spread over the low bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

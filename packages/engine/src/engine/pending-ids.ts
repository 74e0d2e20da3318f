// Past this many ids a Set takes over: a linear search is only cheaper while the list is short.
const LIST_LIMIT = 32;

/**
 * The client ids of orders sent but not yet answered: usually none or one (a simulated venue
 * answers within the call), so a short array searched by identity beats hashing every new id into
 * a Set, which cost about 0.3 µs per add or delete on the order path (the id is hashed the first
 * time it is used as a key). Grows into a Set when many orders are in flight at once.
 */
export class PendingIds {
  private list: string[] = [];
  private set: Set<string> | undefined;

  /** Number of ids. */
  get size(): number {
    return this.set === undefined ? this.list.length : this.set.size;
  }

  has(id: string): boolean {
    return this.set === undefined ? this.list.includes(id) : this.set.has(id);
  }

  add(id: string): void {
    if (this.set !== undefined) {
      this.set.add(id);
      return;
    }
    const list = this.list;
    if (list.includes(id)) return;
    if (list.length < LIST_LIMIT) list.push(id);
    else this.set = new Set([...list, id]);
  }

  /** Removes an id; false when it was not there. */
  delete(id: string): boolean {
    const set = this.set;
    if (set !== undefined) {
      const deleted = set.delete(id);
      if (set.size === 0) {
        this.set = undefined;
        this.list = [];
      }
      return deleted;
    }
    const list = this.list;
    const i = list.indexOf(id);
    if (i < 0) return false;
    const last = list.pop()!;
    if (i < list.length) list[i] = last;
    return true;
  }
}

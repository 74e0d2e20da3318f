/** Per-strategy key-value state; values must be JSON-serialisable to survive a restart. */
export interface StrategyState {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
  delete(key: string): boolean;
  keys(): string[];
}

/** The engine's state store: a Map that remembers which keys changed since the journal last saved them. */
export class StateStore implements StrategyState {
  private readonly values = new Map<string, unknown>();
  private readonly dirty = new Set<string>();

  constructor(initial?: Iterable<[string, unknown]>) {
    if (initial) for (const [key, value] of initial) this.values.set(key, value);
  }

  get<T = unknown>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
    this.dirty.add(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  delete(key: string): boolean {
    this.dirty.add(key);
    return this.values.delete(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  /** Changed keys with their current value (undefined = deleted), and forgets they changed. */
  takeChanges(): Array<[string, unknown]> {
    if (this.dirty.size === 0) return [];
    const out: Array<[string, unknown]> = [];
    for (const key of this.dirty) out.push([key, this.values.get(key)]);
    this.dirty.clear();
    return out;
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }
}

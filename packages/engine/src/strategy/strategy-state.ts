import { ArgoError } from "@argo/core";
import { frozenStateValue } from "./state-value.ts";

/**
 * Per-strategy key-value state, saved in the session journal. Values are JSON data; `set` keeps a frozen copy and `get`
 * returns it, so what the strategy reads is what a restart would give back (change a value by setting a new one).
 */
export interface StrategyState {
  /** The value stored under `key` (deeply frozen: assigning to it throws), or undefined. */
  get<T = unknown>(key: string): T | undefined;
  /**
   * Stores a copy of `value` (undefined deletes the key); throws STRATEGY_ERROR for what JSON would not keep as it is,
   * and once the run has ended (a promise that outlived it), when nothing would save the value any more.
   */
  set(key: string, value: unknown): void;
  has(key: string): boolean;
  /** Deletes the key; throws STRATEGY_ERROR once the run has ended, as `set` does. */
  delete(key: string): boolean;
  keys(): string[];
}

/** Why `set` and `delete` are refused after the run. */
export const STATE_ENDED_REASON = "the session has ended: state is no longer saved";

/** The engine's state store: a Map of frozen JSON values that remembers which keys changed since the journal last saved them. */
export class StateStore implements StrategyState {
  private readonly values = new Map<string, unknown>();
  private readonly dirty = new Set<string>();
  private ended = false;

  constructor(initial?: Iterable<[string, unknown]>) {
    if (initial) for (const [key, value] of initial) this.values.set(key, frozenStateValue(key, value));
  }

  get<T = unknown>(key: string): T | undefined {
    checkKey(key);
    return this.values.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    checkKey(key);
    if (this.ended) throw endedError(key);
    // What the journal would not save is refused (not stored), not saved as something else; undefined is a deletion,
    // which is what a restart would give back for it.
    if (value === undefined) {
      this.delete(key);
      return;
    }
    const stored = frozenStateValue(key, value);
    this.values.set(key, stored);
    this.dirty.add(key);
  }

  has(key: string): boolean {
    checkKey(key);
    return this.values.has(key);
  }

  delete(key: string): boolean {
    checkKey(key);
    if (this.ended) throw endedError(key);
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

  /** Whether some key changed since takeChanges last ran. */
  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** The run has ended and its changes are saved: from now on `set` and `delete` are refused (reads still answer). */
  end(): void {
    this.ended = true;
  }
}

/** The refusal of a change after the run: accepted, get() would return a value the next session never sees. */
function endedError(key: string): ArgoError {
  return new ArgoError("STRATEGY_ERROR", `state "${key}": ${STATE_ENDED_REASON}`, { details: { key } });
}

/**
 * Refuses a key that is not a string (JavaScript strategies have no type check): the Map would keep 7 apart from "7", but
 * the journal saves it as "7", so after a restart get(7) would find nothing while keys() lists "7".
 */
function checkKey(key: unknown): void {
  if (typeof key === "string") return;
  throw new ArgoError("STRATEGY_ERROR", `state keys must be strings, got ${keyShown(key)}`, { details: { keyType: key === null ? "null" : typeof key } });
}

function keyShown(key: unknown): string {
  if (key === null || key === undefined) return String(key);
  if (typeof key === "object") return "an object";
  if (typeof key === "function") return "a function";
  return `the ${typeof key} ${String(key)}`;
}

import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import type { ArgoError } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backtest, bar } from "../backtest/backtest.test-helper.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { StateStore } from "./strategy-state.ts";

/** The error `f` throws (fails the test when it does not throw). */
function thrown(f: () => unknown): ArgoError {
  try {
    f();
  } catch (error) {
    return error as ArgoError;
  }
  throw new Error("expected a throw");
}

describe("state values are what a restart gives back", () => {
  test("a value changed in place after set is not what is stored; the stored one is what JSON gives back", () => {
    const store = new StateStore();
    const stats = { bars: 1, closes: [1, 2], meta: { note: "x", missing: undefined } };
    store.set("stats", stats);
    stats.bars = 99;
    stats.closes.push(3);
    stats.meta.note = "changed";
    expect(store.get("stats")).toEqual({ bars: 1, closes: [1, 2], meta: { note: "x" } });
    expect(store.takeChanges()).toEqual([["stats", { bars: 1, closes: [1, 2], meta: { note: "x" } }]]);
  });

  test("a value read with get cannot be changed in place: assigning throws and the stored value stays", () => {
    const store = new StateStore();
    store.set("stats", { bars: 1, closes: [1], nested: { n: 1 } });
    store.takeChanges();
    const read = store.get<{ bars: number; closes: number[]; nested: { n: number } }>("stats")!;
    expect(() => void read.bars++).toThrow(TypeError);
    expect(() => read.closes.push(2)).toThrow(TypeError);
    expect(() => void (read.nested.n = 2)).toThrow(TypeError);
    expect(store.get("stats")).toEqual({ bars: 1, closes: [1], nested: { n: 1 } });
    expect(store.hasChanges).toBe(false);
    // The way to change it: a new value.
    store.set("stats", { ...read, bars: read.bars + 1 });
    expect(store.takeChanges()).toEqual([["stats", { bars: 2, closes: [1], nested: { n: 1 } }]]);
  });

  test("values restored from the journal are frozen too", () => {
    const store = new StateStore([["s", { a: [1] }]]);
    const read = store.get<{ a: number[] }>("s")!;
    expect(read).toEqual({ a: [1] });
    expect(() => read.a.push(2)).toThrow(TypeError);
  });

  test("setting undefined deletes the key, as a restart would show it; -0 is stored as 0, as JSON does", () => {
    const store = new StateStore();
    store.set("k", 1);
    store.set("k", undefined);
    expect(store.has("k")).toBe(false);
    expect(store.takeChanges()).toEqual([["k", undefined]]);
    store.set("z", -0);
    expect(Object.is(store.get("z"), 0)).toBe(true);
  });

  test("an own __proto__ key (as JSON.parse makes) stays a key", () => {
    const store = new StateStore([["k", JSON.parse('{"__proto__":{"x":1}}')]]);
    const read = store.get<Record<string, unknown>>("k")!;
    expect(Object.keys(read)).toEqual(["__proto__"]);
    expect(JSON.stringify(read)).toBe('{"__proto__":{"x":1}}');
  });

  test("the same object twice (not a cycle) is fine", () => {
    const store = new StateStore();
    const shared = { x: 1 };
    store.set("k", { a: shared, b: [shared] });
    expect(store.get("k")).toEqual({ a: { x: 1 }, b: [{ x: 1 }] });
  });
});

describe("what JSON would not keep is refused, naming the key and what it holds", () => {
  class Tracker {
    n = 1;
  }
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  const cases: Array<[string, unknown, string]> = [
    ["function", { onTick: () => 1 }, 'state "k" at k.onTick holds a function: JSON would leave it out'],
    ["Map", { byDay: new Map([["mon", 1]]) }, 'state "k" at k.byDay holds a Map: JSON would save it as {}'],
    ["Set", new Set([1]), 'state "k" holds a Set: JSON would save it as {}'],
    ["bigint", { big: [1n] }, 'state "k" at k.big[0] holds a bigint: JSON cannot hold one'],
    ["class instance", { t: new Tracker() }, 'state "k" at k.t holds a Tracker instance: JSON would save its own fields only'],
    ["Date", new Date(0), 'state "k" holds a Date: JSON would save it as a string (store its getTime())'],
    ["NaN", { avg: Number.NaN }, 'state "k" at k.avg holds NaN: JSON would save it as null'],
    ["Infinity", [1, Number.POSITIVE_INFINITY], 'state "k" at k[1] holds Infinity: JSON would save it as null'],
    ["undefined in an array", [1, undefined], 'state "k" at k[1] holds undefined: JSON would save it as null'],
    ["a hole in an array", [1, , 3], 'state "k" at k[1] holds undefined'],
    ["circular reference", circular, 'state "k" at k.self holds a circular reference'],
  ];
  for (const [name, value, message] of cases) {
    test(name, () => {
      const store = new StateStore();
      store.set("k", "before");
      store.takeChanges();
      const error = thrown(() => store.set("k", value));
      expect(error.code).toBe("STRATEGY_ERROR");
      expect(error.message).toStartWith(message);
      expect(error.details).toMatchObject({ key: "k" });
      // Nothing else was saved in its place: the old value stands and nothing is due for the journal.
      expect(store.get("k")).toBe("before");
      expect(store.hasChanges).toBe(false);
    });
  }
});

describe("state in a session journal (engine)", () => {
  const root = mkdtempSync(join(tmpdir(), "argo-strategy-state-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const input = [0, 1, 2, 3, 4].map((d) => bar("A", d, 100, 100, 100, 100));

  function saved(dir: string): unknown[] {
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    try {
      return db.query("SELECT key, value FROM state").all();
    } finally {
      db.close();
    }
  }

  test("a value changed in place is refused at the change (onStrategyError), and the journal holds what the strategy saw", async () => {
    const dir = join(root, "in-place");
    const seen: number[] = [];
    const errors: ArgoError[] = [];
    const strategy = testStrategy({
      init(ctx) {
        ctx.state.set("stats", { bars: 0 });
      },
      onBar(_b, ctx) {
        const stats = ctx.state.get<{ bars: number }>("stats")!;
        seen.push(stats.bars);
        stats.bars++;
      },
    });
    await backtest(input, strategy, { engine: { sessionDir: dir }, callbacks: { onStrategyError: (e) => void errors.push(e) } });
    expect(errors.length).toBe(5);
    expect(errors[0]!.code).toBe("STRATEGY_ERROR");
    expect(seen).toEqual([0, 0, 0, 0, 0]);
    expect(saved(dir)).toEqual([{ key: "stats", value: '{"bars":0}' }]);
  });

  test("a new value set each bar is saved: 5 bars counted", async () => {
    const dir = join(root, "set");
    const strategy = testStrategy({
      init(ctx) {
        ctx.state.set("stats", { bars: 0 });
      },
      onBar(_b, ctx) {
        const stats = ctx.state.get<{ bars: number }>("stats")!;
        ctx.state.set("stats", { ...stats, bars: stats.bars + 1 });
      },
    });
    await backtest(input, strategy, { engine: { sessionDir: dir } });
    expect(saved(dir)).toEqual([{ key: "stats", value: '{"bars":5}' }]);
  });
});

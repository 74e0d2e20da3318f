import { afterAll, describe, expect, test } from "bun:test";
import type { ArgoError } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { StateStore } from "./strategy-state.ts";

const root = mkdtempSync(join(tmpdir(), "argo-state-key-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The error `f` throws, or undefined. */
function thrown(f: () => unknown): ArgoError | undefined {
  try {
    f();
  } catch (error) {
    return error as ArgoError;
  }
  return undefined;
}

describe("ctx.state keys are strings (the journal saves every key as text)", () => {
  test("a key of another type is refused by set, get, has and delete, naming what it is; nothing is stored", () => {
    const store = new StateStore();
    for (const [key, shown] of [[7, "the number 7"], [true, "the boolean true"], [null, "null"], [undefined, "undefined"], [{}, "an object"]] as const) {
      for (const call of [() => store.set(key as never, "entry"), () => store.get(key as never), () => store.has(key as never), () => store.delete(key as never)]) {
        const error = thrown(call);
        expect(error?.code).toBe("STRATEGY_ERROR");
        expect(error?.message).toBe(`state keys must be strings, got ${shown}`);
      }
    }
    expect(store.keys()).toEqual([]);
    expect(store.hasChanges).toBe(false);
    // A string key that looks like a number is a key like any other.
    store.set("7", "entry");
    expect(store.get("7")).toBe("entry");
  });

  test("set(7, …) in onBar is the strategy's error, and a restart finds what the session saw: nothing under 7", async () => {
    const sessionDir = join(root, "restart");
    const input = barsFromCloses("X", [100, 100, 100, 100]);
    const errors: ArgoError[] = [];
    const first = await runEngine({
      bars: input.slice(0, 2), engine: { sessionDir },
      strategy: testStrategy({ onBar: (_bar, ctx) => ctx.state.set(7 as never, "entry") }),
      callbacks: { onStrategyError: (e) => void errors.push(e) },
    });
    expect(first.error).toBeUndefined();
    // One per bar (the run went on): the store's message, with the strategy, the callback and the bar.
    expect(errors.map((e) => `${e.code}: ${e.message}`)).toEqual(input.slice(0, 2).map((b) =>
      `STRATEGY_ERROR: strategy "test-strategy" onBar failed on X bar ${new Date(b.openTime).toISOString()}: state keys must be strings, got the number 7`));
    let keys: string[] | undefined;
    const second = await runEngine({ bars: input, engine: { sessionDir }, strategy: testStrategy({ init: (ctx) => void (keys = ctx.state.keys()) }) });
    expect(second.error).toBeUndefined();
    expect(keys).toEqual([]);
  });
});

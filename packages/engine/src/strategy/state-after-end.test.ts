import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { StrategyContext } from "./strategy-context.ts";

const ENDED = "the session has ended: state is no longer saved";

const root = mkdtempSync(join(tmpdir(), "argo-state-after-end-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ctx.state after the run has ended (a promise that outlived it)", () => {
  test("set and delete are refused with STRATEGY_ERROR; get still answers; the next session reads what the run saved", async () => {
    const sessionDir = join(root, "s");
    const kept: { ctx?: StrategyContext<unknown> } = {};
    const first = await runEngine({
      bars: barsFromCloses("X", [100, 101]), engine: { sessionDir },
      strategy: testStrategy({
        onBar(_bar, ctx) {
          kept.ctx = ctx;
          ctx.state.set("k", "during");
        },
      }),
    });
    expect(first.result?.status).toBe("completed");
    const ctx = kept.ctx!;
    // Before: accepted (get gave "after") but never saved, so the next session read "during" while this one had read "after".
    let refusal: unknown;
    try {
      ctx.state.set("k", "after");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "STRATEGY_ERROR", message: `state "k": ${ENDED}`, details: { key: "k" } });
    expect(() => ctx.state.delete("k")).toThrow(ENDED);
    expect(ctx.state.get("k")).toBe("during");
    expect(ctx.state.keys()).toEqual(["k"]);

    let resumed: unknown;
    const second = await runEngine({
      bars: barsFromCloses("X", [102], Date.UTC(2024, 0, 1, 0, 2)), engine: { sessionDir },
      strategy: testStrategy({ init: (c) => void (resumed = c.state.get("k")) }),
    });
    expect(second.result?.status).toBe("completed");
    expect(resumed).toBe("during");
  });
});

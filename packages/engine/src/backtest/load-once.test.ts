import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "@argo/provider-paper";
import * as v from "valibot";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";
import { BacktestEngine } from "./backtest-engine.ts";
import { bars, NO_COSTS } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

/** A strategy whose config schema counts how often it validates a config, and which records the config it ran with. */
function countingStrategy() {
  const seen = { validations: 0, initConfigs: [] as unknown[] };
  const config = v.pipe(
    v.object({ fast: v.number() }),
    v.transform((c) => {
      seen.validations++;
      return { ...c };
    }),
  );
  const strategy = defineStrategy({ name: "counting", description: "counts validations", config, onBar() {}, init: (ctx) => void seen.initConfigs.push(ctx.config) });
  return { strategy, seen };
}

function engineFor(strategy: ReturnType<typeof countingStrategy>["strategy"]): BacktestEngine {
  const input = bars("X", [[10, 11, 9, 10], [10, 12, 9, 11], [11, 12, 10, 12]]);
  return new BacktestEngine({
    symbols: ["X"], interval: "1d", marketData: new InMemoryMarketData(input), trading: createPaperVenue(NO_COSTS),
    strategy, strategyConfig: { fast: 3 }, logger: silentLogger,
  });
}

describe("BacktestEngine.load() before run()", () => {
  test("the strategy config is validated once, and the run uses the config load() gave", async () => {
    const { strategy, seen } = countingStrategy();
    const engine = engineFor(strategy);
    const loaded = await engine.load();
    expect(seen.validations).toBe(1);
    const result = await engine.run();
    expect(result.status).toBe("completed");
    expect(seen.validations).toBe(1);
    expect(seen.initConfigs).toEqual([{ fast: 3 }]);
    // The very object load() returned, not a second parse of the same input.
    expect(seen.initConfigs[0]).toBe(loaded.config);
  });

  test("without load(), run() validates the config once", async () => {
    const { strategy, seen } = countingStrategy();
    await engineFor(strategy).run();
    expect(seen.validations).toBe(1);
  });
});

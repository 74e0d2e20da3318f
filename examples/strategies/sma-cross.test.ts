import { validateStrategyConfig } from "@argo/engine";
import { describe, expect, test } from "bun:test";
import smaCross from "./sma-cross.ts";

/** The issues of a strategy.config the example must refuse (the test fails if it is accepted). */
function issuesOf(config: unknown) {
  const result = validateStrategyConfig(smaCross, config, "strategy.config");
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.issues;
}

describe("the SMA-cross example's config", () => {
  test("an infinite size (`.inf` in YAML) is refused at sizing, in every shape: every entry would be refused", () => {
    for (const sizing of [{ quoteAmount: Infinity }, { quantity: Infinity }, { equityFraction: Infinity }]) {
      const [shape] = Object.keys(sizing);
      expect([...new Set(issuesOf({ sizing }).map((issue) => issue.path))]).toEqual([`strategy.config.sizing.${shape}`]);
    }
  });

  test("finite sizes of each shape pass as given", () => {
    for (const sizing of [{ quoteAmount: 250 }, { quantity: 0.5 }, { equityFraction: 0.1 }]) {
      const result = validateStrategyConfig(smaCross, { sizing }, "strategy.config");
      expect(result.ok && (result.value as { sizing: unknown }).sizing).toEqual(sizing);
    }
  });

  test("a misspelt key is refused at that key, not dropped", () => {
    expect(issuesOf({ fats: 3 }).map((issue) => issue.path)).toEqual(["strategy.config.fats"]);
  });
});

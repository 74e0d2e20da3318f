import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import * as v from "valibot";
import { defineStrategy, isStrategyDefinition } from "./define-strategy.ts";
import { parseStrategyConfig, strategyConfigJsonSchema, validateStrategyConfig } from "./strategy-config.ts";

const strategy = defineStrategy({
  name: "cfg-test",
  description: "A strategy to test config validation.",
  config: v.strictObject({
    fast: v.pipe(v.number(), v.integer(), v.minValue(1)),
    slow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2)), 30),
    symbolName: v.string(),
    sizing: v.strictObject({ fraction: v.pipe(v.number(), v.maxValue(1)) }),
  }),
  onBar() {},
});

describe("strategy config", () => {
  test("every bad field is named, with the path prefix", () => {
    const result = validateStrategyConfig(strategy, { fast: 0, slow: "x", sizing: { fraction: 3 }, extra: true }, "strategy.config");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = [...new Set(result.issues.map((i) => i.path))].sort();
    expect(paths).toEqual(["strategy.config.extra", "strategy.config.fast", "strategy.config.sizing.fraction", "strategy.config.slow", "strategy.config.symbolName"]);
    expect(result.error.code).toBe("INVALID_CONFIGURATION");
    for (const path of paths) expect(result.error.message).toContain(path);
    expect(result.error.message).toContain('strategy "cfg-test" config');
  });

  test("a valid config gets its defaults", () => {
    expect(parseStrategyConfig(strategy, { fast: 5, symbolName: "X", sizing: { fraction: 1 } })).toEqual({ fast: 5, slow: 30, symbolName: "X", sizing: { fraction: 1 } });
  });

  test("parseStrategyConfig throws INVALID_CONFIGURATION", () => {
    let error: unknown;
    try {
      parseStrategyConfig(strategy, { fast: 1 });
    } catch (e) {
      error = e;
    }
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
  });

  test("a config that is not a plain object is refused naming strategy.config, not run with the defaults", () => {
    // Every field has a default: valibot's object schema would take [] as an object and fill them all in.
    const defaults = defineStrategy({ name: "all-defaults", description: "", config: v.object({ fast: v.optional(v.number(), 10) }), onBar() {} });
    expect(parseStrategyConfig(defaults, undefined)).toEqual({ fast: 10 });
    expect(parseStrategyConfig(defaults, {})).toEqual({ fast: 10 });
    class Settings {
      fast = 5;
    }
    const cases: Array<[unknown, string]> = [[[], "an array"], [[{ fast: 5 }], "an array"], ["fast=5", "a string"], [5, "a number"], [new Settings(), "an object that is not a plain one"]];
    for (const [input, received] of cases) {
      const result = validateStrategyConfig(defaults, input, "strategy.config");
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([{ path: "strategy.config", message: `must be an object of settings, received ${received}`, expected: "Object", received }]);
      expect(result.error.code).toBe("INVALID_CONFIGURATION");
      expect(result.error.message).toBe(`invalid strategy "all-defaults" config: 1 problem\n  - strategy.config: must be an object of settings, received ${received}`);
      expect(() => parseStrategyConfig(defaults, input, "strategy.config")).toThrow("strategy.config: must be an object of settings");
    }
    // Without a prefix the path is "config"; the text of a string is not echoed (it may be anything pasted).
    const bare = validateStrategyConfig(defaults, "secret-looking-text");
    expect(bare.ok ? undefined : bare.issues[0]!.path).toBe("config");
    expect(bare.ok ? "" : bare.error.message).not.toContain("secret-looking-text");
    // A null-prototype object is a plain object.
    expect(parseStrategyConfig(defaults, Object.assign(Object.create(null) as object, { fast: 3 }))).toEqual({ fast: 3 });
  });

  test("the JSON Schema is in input mode: fields with defaults are optional", () => {
    const schema = strategyConfigJsonSchema(strategy) as { title: string; description: string; required: string[]; properties: Record<string, { default?: unknown }> };
    expect(schema.title).toBe("cfg-test config");
    expect(schema.description).toBe("A strategy to test config validation.");
    expect(schema.required.sort()).toEqual(["fast", "sizing", "symbolName"]);
    expect(schema.properties.slow?.default).toBe(30);
  });

  test("defineStrategy brands the definition; lookalikes are accepted, other objects not", () => {
    expect(isStrategyDefinition(strategy)).toBe(true);
    expect(isStrategyDefinition({ name: "x", config: v.object({}), onBar() {} })).toBe(true);
    expect(isStrategyDefinition({ name: "x" })).toBe(false);
    expect(isStrategyDefinition(null)).toBe(false);
  });
});

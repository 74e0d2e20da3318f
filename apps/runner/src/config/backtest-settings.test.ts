import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { backtestSettings } from "./backtest-settings.ts";
import { runnerConfigSchema } from "./config-schema.ts";

const base = { engine: { symbols: ["GOOG"] }, strategy: { path: "./strategy.ts" } };
const parse = (input: Record<string, unknown>) => v.parse(runnerConfigSchema, input);

describe("backtestSettings", () => {
  test("a config without a backtest section gives the same settings as one with an empty section", () => {
    const without = parse(base);
    expect(without.backtest).toBeUndefined(); // so the missing-section path is the one under test
    expect(backtestSettings(without)).toEqual(parse({ ...base, backtest: {} }).backtest!);
  });

  test("the defaults of a missing section are the schema's: every field the section schema defaults is filled", () => {
    // Independent of the parse above: the fields given a default in the schema's own entries.
    const entries = runnerConfigSchema.entries.backtest.wrapped.entries;
    const defaulted = Object.entries(entries).filter(([, schema]) => v.getDefault(schema) !== undefined);
    const settings = backtestSettings(parse(base)) as Record<string, unknown>;
    expect(defaulted.length).toBeGreaterThan(0);
    for (const [key, schema] of defaulted) expect(settings[key]).toEqual(v.getDefault(schema));
    // No dates are invented: without from/to the whole history runs.
    expect(settings.from).toBeUndefined();
    expect(settings.to).toBeUndefined();
  });

  test("a section that is there is used as given, its missing fields filled by the schema", () => {
    const config = parse({ ...base, backtest: { output_dir: "./elsewhere", close_at_end: false } });
    const settings = backtestSettings(config);
    expect(settings.output_dir).toBe("./elsewhere");
    expect(settings.close_at_end).toBe(false);
    expect(settings.progress).toBe(parse({ ...base, backtest: {} }).backtest!.progress);
  });

  test("each call gives its own object, so a caller changing one cannot change the next", () => {
    const config = parse(base);
    const first = backtestSettings(config);
    first.output_dir = "./changed";
    expect(backtestSettings(config).output_dir).not.toBe("./changed");
  });
});

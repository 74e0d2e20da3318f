import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { runnerConfigSchema } from "./config-schema.ts";

const base = { engine: { symbols: ["GOOG"] }, strategy: { path: "./strategy.ts" } };
const parse = (input: Record<string, unknown>) => v.parse(runnerConfigSchema, input);

describe("the backtest section", () => {
  test("a config without a backtest section gives the same settings as one with an empty section", () => {
    expect(parse(base).backtest).toEqual(parse({ ...base, backtest: {} }).backtest);
  });

  test("the defaults of a missing section are the schema's: every field the section schema defaults is filled", () => {
    // Independent of the parse above: the fields given a default in the schema's own entries.
    const entries = runnerConfigSchema.entries.backtest.wrapped.entries;
    const defaulted = Object.entries(entries).filter(([, schema]) => v.getDefault(schema) !== undefined);
    const settings = parse(base).backtest as Record<string, unknown>;
    expect(defaulted.length).toBeGreaterThan(0);
    for (const [key, schema] of defaulted) expect(settings[key]).toEqual(v.getDefault(schema));
    // No dates are invented: without from/to the whole history runs.
    expect(settings.from).toBeUndefined();
    expect(settings.to).toBeUndefined();
  });

  test("a section that is there is used as given, its missing fields filled by the schema", () => {
    const settings = parse({ ...base, backtest: { output_dir: "./elsewhere", close_at_end: false } }).backtest;
    expect(settings.output_dir).toBe("./elsewhere");
    expect(settings.close_at_end).toBe(false);
    expect(settings.progress).toBe(parse({ ...base, backtest: {} }).backtest.progress);
  });

  test("each config parsed gets its own section object, so changing one config's cannot change another's", () => {
    const first = parse(base).backtest;
    first.output_dir = "./changed";
    expect(parse(base).backtest.output_dir).toBe("./backtest-results");
  });
});

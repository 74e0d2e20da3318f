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

describe("backtest.from and backtest.to", () => {
  const issues = (backtest: Record<string, unknown>) => {
    const result = v.safeParse(runnerConfigSchema, { ...base, backtest });
    return result.success ? [] : result.issues.map((issue) => [v.getDotPath(issue), issue.message] as const);
  };

  test("a day the calendar does not have is refused at its field, not rolled over into the next month", () => {
    expect(issues({ from: "2021-02-30" })).toEqual([["backtest.from", "must be a real day: 2021-02 has no day 30"]]);
    expect(issues({ to: "2021-04-31" })).toEqual([["backtest.to", "must be a real day: 2021-04 has no day 31"]]);
    expect(issues({ from: "2021-02-29" })).toEqual([["backtest.from", "must be a real day: 2021-02 has no day 29"]]);
    // Leap days and month ends that exist pass.
    expect(issues({ from: "2020-02-29", to: "2021-12-31" })).toEqual([]);
  });

  test("`to` must be a later day than `from`, named at backtest.to with the days as written", () => {
    for (const backtest of [{ from: "2021-03-01", to: "2021-03-01" }, { from: "2021-03-02", to: "2021-03-01" }]) {
      const found = issues(backtest);
      expect(found.map(([path]) => path)).toEqual(["backtest.to"]);
      expect(found[0]![1]).toContain(`backtest.from (${backtest.from})`);
      expect(found[0]![1]).not.toMatch(/\d{10,}/); // no epoch milliseconds
    }
    expect(issues({ from: "2021-03-01", to: "2021-03-02" })).toEqual([]);
  });

  test("an impossible day is reported once, not again as an order problem", () => {
    expect(issues({ from: "2021-02-30", to: "2020-01-01" }).map(([path]) => path)).toEqual(["backtest.from"]);
  });
});

import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { toConfigIssue } from "./config-issue.ts";

/** The first issue of `input` against `schema`, as a config issue. */
function issueOf(schema: v.GenericSchema, input: unknown) {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error("expected an issue");
  return toConfigIssue(result.issues[0]!, []);
}

describe("a check without a message of its own is said in words, not by valibot's code", () => {
  test("non-empty, whole numbers, bounds and lengths", () => {
    const field = (schema: v.GenericSchema, value: unknown) => issueOf(v.object({ f: schema }), { f: value }).message;
    // Before: "invalid non empty: expected !0, received 0" for an empty data_dir.
    expect(field(v.pipe(v.string(), v.nonEmpty()), "")).toBe("must not be empty");
    expect(field(v.pipe(v.number(), v.integer()), 2.5)).toBe("must be a whole number: received 2.5");
    expect(field(v.pipe(v.number(), v.maxValue(60_000)), 90_000)).toBe("must be 60000 or less: received 90000");
    expect(field(v.pipe(v.number(), v.gtValue(0)), 0)).toBe("must be more than 0: received 0");
    expect(field(v.pipe(v.string(), v.minLength(3)), "ab")).toBe("must have at least 3 characters: received 2");
    expect(field(v.pipe(v.array(v.string()), v.minLength(1)), [])).toBe("must have at least 1 item");
    // A check's own message is kept as written.
    expect(field(v.pipe(v.string(), v.nonEmpty("give a directory")), "")).toBe("give a directory");
  });
});

describe("what a config issue says it received", () => {
  test("a check across fields gets the whole section: its message stands alone, without 'received Object'", () => {
    const crossed = v.pipe(v.object({ fast: v.number(), slow: v.number() }), v.check((c) => c.slow > c.fast, "slow must be greater than fast"));
    expect(issueOf(crossed, { fast: 30, slow: 10 })).toEqual({ path: "(root)", message: "slow must be greater than fast" });
  });

  test("a field's own check still says what it got, and a section where a value belongs still says Object", () => {
    expect(issueOf(v.object({ n: v.pipe(v.number(), v.minValue(0)) }), { n: -5 }).message).toBe("must be 0 or more: received -5");
    expect(issueOf(v.object({ n: v.number() }), { n: { a: 1 } }).message).toBe("invalid number: expected number, received Object");
  });
});

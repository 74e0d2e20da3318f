import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { toConfigIssue } from "./config-issue.ts";

/** The first issue of `input` against `schema`, as a config issue. */
function issueOf(schema: v.GenericSchema, input: unknown) {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error("expected an issue");
  return toConfigIssue(result.issues[0]!, []);
}

describe("what a config issue says it received", () => {
  test("a check across fields gets the whole section: its message stands alone, without 'received Object'", () => {
    const crossed = v.pipe(v.object({ fast: v.number(), slow: v.number() }), v.check((c) => c.slow > c.fast, "slow must be greater than fast"));
    expect(issueOf(crossed, { fast: 30, slow: 10 })).toEqual({ path: "(root)", message: "slow must be greater than fast" });
  });

  test("a field's own check still says what it got, and a section where a value belongs still says Object", () => {
    expect(issueOf(v.object({ n: v.pipe(v.number(), v.minValue(0)) }), { n: -5 }).message).toBe("invalid min value: expected >=0, received -5");
    expect(issueOf(v.object({ n: v.number() }), { n: { a: 1 } }).message).toBe("invalid number: expected number, received Object");
  });
});

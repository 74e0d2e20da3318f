import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { MAX_CONFIG_DEPTH, tooDeepUnder } from "./nesting-depth.ts";
import { parseJsonText } from "./parse-json-text.ts";
import { parseYamlText } from "./parse-yaml-text.ts";

/** `{"engine": {...}, "<key>": [[...[]...]]}` with `levels` arrays nested under `key`: depth levels + 1 from the top. */
const jsonNested = (key: string, levels: number) => `{"engine": {"interval": "1m"}, "${key}": ${"[".repeat(levels)}${"]".repeat(levels)}}`;

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("config nesting depth", () => {
  test("a JSON config nested 100,000 deep is refused naming the file and the top-level key, not a stack overflow", () => {
    const error = thrown(() => parseJsonText(jsonNested("extra", 100_000), "deep.json"));
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error.message).toBe(`deep.json: nested more than ${MAX_CONFIG_DEPTH} levels deep under "extra"; a config is a few levels of sections and values`);
  });

  test("the limit is exact: 64 levels of containers pass, 65 are refused", () => {
    // The top object is the first level, so 63 arrays under a key make 64 levels: fine. 64 arrays make 65.
    expect(parseJsonText(jsonNested("x", MAX_CONFIG_DEPTH - 1), "ok.json")).toMatchObject({ engine: { interval: "1m" } });
    expect(thrown(() => parseJsonText(jsonNested("x", MAX_CONFIG_DEPTH), "deep.json")).message).toContain('under "x"');
  });

  test("YAML nested deeper than the limit is refused the same way", () => {
    let text = "engine:\n  interval: 1m\nsection:\n";
    for (let level = 1; level <= 80; level++) text += `${"  ".repeat(level)}k:\n`;
    text += `${"  ".repeat(81)}v: 1\n`;
    expect(thrown(() => parseYamlText(text, "deep.yaml")).message).toStartWith(`deep.yaml: nested more than ${MAX_CONFIG_DEPTH} levels deep under "section"`);
  });

  test("tooDeepUnder: a deep top-level array is reported at the top (empty key); shallow values and scalars pass", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(tooDeepUnder(deep)).toBe("");
    expect(tooDeepUnder({ a: { b: [1, { c: "x" }] }, d: null })).toBeUndefined();
    expect(tooDeepUnder("text")).toBeUndefined();
    expect(tooDeepUnder({ a: { b: { c: {} } } }, 3)).toBe("a");
    expect(tooDeepUnder({ a: { b: { c: 1 } } }, 3)).toBeUndefined();
  });
});

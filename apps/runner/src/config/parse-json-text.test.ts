import { isArgoError } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { parseJsonText } from "./parse-json-text.ts";

const SECRET = "sk_live_SUPERSECRET_0123456789";

/** The error parseJsonText throws for `text`. */
function refusal(text: string): Error & { details?: Record<string, unknown> } {
  try {
    parseJsonText(text, "c.json");
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error;
    throw error;
  }
  throw new Error("the text was accepted");
}

describe("parseJsonText: syntax errors", () => {
  test("an unquoted value (a pasted key) is placed by line and column, and never quoted", () => {
    // Line 3, column 14 is where the unquoted value starts: counted by hand.
    const error = refusal(`{\n  "status": {\n    "token": ${SECRET}\n  }\n}`);
    expect(error.message).toBe("c.json: not valid JSON at line 3, column 14: expected a value (text in double quotes, a number, true, false, null, an object or a list)");
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error.details)).not.toContain(SECRET);
  });

  test.each([
    ['{"a": 1', 1, 8, "the text ends too early"],
    ['{"a" 1}', 1, 6, "expected ':' after the key"],
    ['{"a": 1 "b": 2}', 1, 9, "expected ',' or '}'"],
    ["[1, 2\n 3]", 2, 2, "expected ',' or ']'"],
    ["{a: 1}", 1, 2, "expected a key in double quotes"],
    ['{"a": "x\\q"}', 1, 9, "invalid escape in a string"],
    ['{"a": 1} x', 1, 10, "unexpected text after the end of the value"],
    ['{"a": "open', 1, 12, "the text ends too early"],
  ])("%p → line %d, column %d: %s", (text, line, column, problem) => {
    expect(refusal(text).message).toBe(`c.json: not valid JSON at line ${line}, column ${column}: ${problem}`);
  });
});

describe("parseJsonText: keys written twice", () => {
  test("a repeated section is refused with its path and both lines, not kept last-wins", () => {
    const text = `{\n  "risk": { "maxOrderValue": 1000 },\n  "engine": {},\n  "risk": { "maxDailyLoss": 0.05 }\n}`;
    const error = refusal(text);
    expect(error.message).toContain('c.json: key "risk" is written twice (line 2 and line 4)');
    expect(error.details).toMatchObject({ key: "risk", line: 4 });
  });

  test("nested and in lists, named by their full path; an escaped spelling is the same key", () => {
    expect(refusal('{"trading": {"config": {"apiKey": "a", "apiKey": "b"}}}').message).toContain('"trading.config.apiKey"');
    expect(refusal('{"plugins": [{"x": 1}, {"y": 1, "y": 2}]}').message).toContain('"plugins.1.y"');
    expect(refusal('{"a": 1, "\\u0061": 2}').message).toContain('key "a" is written twice');
  });

  test("the same key in different mappings is fine, and valid JSON reads as JSON.parse reads it", () => {
    const text = '{"a": {"x": 1}, "b": {"x": [1, 2.5e3, -0.5, true, null, "s\\"q\\u00e9"]}, "c": []}';
    expect(parseJsonText(text, "c.json")).toEqual(JSON.parse(text));
    expect(parseJsonText("  \n[]\n", "c.json")).toEqual([]);
  });
});

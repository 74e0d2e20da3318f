import { isArgoError } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { parseYamlText } from "./parse-yaml-text.ts";

const SECRET = "sk_live_SUPERSECRET_0123456789";

/** The error parseYamlText throws for `text`. */
function refusal(text: string): Error & { details?: Record<string, unknown> } {
  try {
    parseYamlText(text, "c.yaml");
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error;
    throw error;
  }
  throw new Error("the text was accepted");
}

describe("parseYamlText: keys written twice", () => {
  test("a second `risk:` section is refused naming the key and both lines, instead of dropping the first", () => {
    const text = "engine:\n  symbols: [BTCUSD]\nrisk:\n  maxOrderValue: 1000\nstrategy:\n  path: x.ts\nrisk:\n  maxDailyLoss: 0.05\n";
    const error = refusal(text);
    expect(error.message).toBe('c.yaml: key "risk" is written twice (line 3 and line 7); the second would silently replace the first, so write it once');
    expect(error.details).toMatchObject({ source: "c.yaml", key: "risk", line: 7 });
  });

  test("nested, in flow style and in lists, named by their full path", () => {
    expect(refusal("trading:\n  config:\n    apiKey: a\n    apiKey: b\n").message).toContain('"trading.config.apiKey" is written twice (line 3 and line 4)');
    expect(refusal("engine: { symbols: [A], symbols: [B] }\n").message).toContain('"engine.symbols" is written twice (line 1 and line 1)');
    expect(refusal("plugins:\n  - a: 1\n    a: 2\n").message).toContain('"plugins.0.a"');
    // 1 and '1' are two YAML keys but one key of the object read: the second would replace the first all the same.
    expect(refusal("m:\n  1: x\n  '1': y\n").message).toContain('"m.1"');
  });

  test("the same key in different mappings, and merge keys, are fine", () => {
    const text = "base: &base { fast: 5, slow: 20 }\na: { x: 1 }\nb: { x: 2 }\nstrategy:\n  config:\n    <<: *base\n    slow: 30\n";
    expect(parseYamlText(text, "c.yaml")).toEqual({ base: { fast: 5, slow: 20 }, a: { x: 1 }, b: { x: 2 }, strategy: { config: { fast: 5, slow: 30 } } });
  });
});

describe("parseYamlText: what it reads", () => {
  test("scalars are typed as YAML 1.2 types them; dates and words stay text", () => {
    const text = "a: 2005-01-01\nb: yes\nc: 15m\nd: 1e3\ne: 0x10\nf: ~\ng: 007\nh: '42'\ni: true\nj: -2.5\n";
    // By hand from the YAML 1.2 core schema.
    expect(parseYamlText(text, "c.yaml")).toEqual({ a: "2005-01-01", b: "yes", c: "15m", d: 1000, e: 16, f: null, g: 7, h: "42", i: true, j: -2.5 });
    expect(parseYamlText("# only a comment\n", "c.yaml")).toBeNull();
  });
});

describe("parseYamlText: syntax errors", () => {
  test("give the line, the column and the kind, and never quote the file", () => {
    const error = refusal(`status:\n  token: "${SECRET}\nlog: x\n`);
    expect(error.message).toMatch(/^c\.yaml: not valid YAML at line \d+, column \d+: /);
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error.details)).not.toContain(SECRET);
  });

  test("a bad indentation is placed where it is", () => {
    // Line 4 holds the list item indented less than its sibling.
    const error = refusal(`engine:\n  symbols:\n    - A\n  - ${SECRET}\n`);
    expect(error.message).toMatch(/^c\.yaml: not valid YAML at line 4, column \d+: /);
    expect(error.message).not.toContain(SECRET);
  });

  test("an unquoted ${NAME} placeholder inside { } says to quote it; quoted, it reads as text for the placeholder step", () => {
    const error = refusal("trading:\n  config: { initialCapital: ${CAP} }\n");
    expect(error.message).toMatch(/^c\.yaml: not valid YAML at line 2, column \d+: .*; a \$\{NAME\} placeholder inside \{ \} or \[ \] must be quoted: "\$\{NAME\}"$/);
    expect(parseYamlText('trading:\n  config: { initialCapital: "${CAP}" }\n', "c.yaml")).toEqual({ trading: { config: { initialCapital: "${CAP}" } } });
    // Other errors get no such hint.
    expect(refusal(`status:\n  token: "${SECRET}\nlog: x\n`).message).not.toContain("placeholder");
  });

  test("an alias without its anchor is refused, naming neither", () => {
    expect(refusal(`a: *${SECRET}\n`).message).toBe("c.yaml: not valid YAML: the config reader refused it (an alias (*name) naming no anchor (&name) before it, or aliases expanding too far, are the usual causes)");
  });
});

import { isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { quickSessionConfig, SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { type SubstitutionProblem, substituteEnv } from "./substitute-env.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-placeholders-");
afterAll(() => tmp.cleanup());

// Written out by hand from the README's rules, not taken from the code.
const unset = (name: string) => `environment variable \${${name}} is not set (set it, or write \${NAME:-default}; $\${ writes a literal \${)`;
const MALFORMED = '"${" starts no valid placeholder; write ${NAME} or ${NAME:-default} ($${ writes a literal ${)';
const REAL_TOKEN = "Real-Secret-Token-0123456789";

async function validate(name: string, yaml: string, env: Record<string, string> = {}) {
  const path = writeConfig(tmp.dir, name, yaml);
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  return { code, path, err: c.stderr(), all: c.all() };
}

describe("an unset ${VAR} is one problem among all the others", () => {
  test("substituteEnv with a sink: every unset variable at its path, the walk goes on, no value shown", () => {
    const problems: SubstitutionProblem[] = [];
    const out = substituteEnv({ a: { key: "${A_KEY}" }, list: ["x", "${B}-${C}"], set: "${SET}" }, { SET: "s3cret-value" }, undefined, [], problems);
    expect(problems).toEqual([
      { path: "a.key", keys: ["a", "key"], message: unset("A_KEY") },
      { path: "list.1", keys: ["list", "1"], message: "environment variables ${B}, ${C} are not set (set them, or write ${NAME:-default}; $${ writes a literal ${)" },
    ]);
    // The rest is substituted as ever; an unset variable leaves "" (what it would have been replaced by).
    expect(out).toEqual({ a: { key: "" }, list: ["x", "-"], set: "s3cret-value" });
    expect(JSON.stringify(problems)).not.toContain("s3cret-value");
  });

  test("argo validate lists both unset variables with the config's other problems, under the file's name", async () => {
    const yaml = [
      "engine: { symbols: [BTCUSD], interval: 1m }",
      "market_data: { provider: simulated }",
      'trading: { provider: paper, config: { initialCapital: "${CAPITAL}" } }',
      `strategy: { path: ${SMA_CROSS}, config: { fast: 5, slow: 3 } }`,
      "risk: { maxDrawdown: 20 }",
      'status: { token: "${STATUS_TOKEN}" }',
    ].join("\n");
    const r = await validate("unset.yaml", yaml);
    expect(r.code).toBe(3);
    // 2 unset variables + slow not above fast + a drawdown of 20 (a fraction at most 1): 4. What "" makes of the
    // capital and the token (not a number, too short) is not said: the variable is the problem there.
    expect(r.err).toStartWith(`${r.path}: 4 problems\n`);
    const lines = r.err.split("\n").filter((line) => line.startsWith("  ✗ "));
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`  ✗ trading.config.initialCapital: ${unset("CAPITAL")}`);
    expect(lines).toContain(`  ✗ status.token: ${unset("STATUS_TOKEN")}`);
    expect(lines.some((line) => line.startsWith("  ✗ risk.maxDrawdown: "))).toBe(true);
    expect(lines.some((line) => line.startsWith("  ✗ strategy.config.slow: "))).toBe(true);
  });

  test("a placeholder whose value an ARGO__ variable replaced is no problem", async () => {
    const yaml = `engine: { symbols: [BTCUSD] }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { token: "\${STATUS_TOKEN}" }\n`;
    const r = await validate("overridden.yaml", yaml, { ARGO__STATUS__TOKEN: REAL_TOKEN });
    expect(r.code).toBe(0);
    expect(r.all).not.toContain(REAL_TOKEN);
  });

  test("a --trading-config file's unset variable and malformed placeholder join the file's problems, naming the flag", async () => {
    const config = writeConfig(tmp.dir, "session.json", quickSessionConfig(tmp.dir, { risk: { maxDrawdown: 20 } }));
    writeConfig(tmp.dir, "venue.yaml", 'initialCapital: ${NO_CAPITAL}\nallowShorting: "${SHORT:yes}"\n');
    const outcome = await validateConfig(await buildRawConfig(config, { "trading-config": "venue.yaml" }, {}, tmp.dir));
    if (outcome.ok) throw new Error("expected a refusal");
    const byPath = Object.fromEntries(outcome.issues.map((issue) => [issue.path, issue.message]));
    expect(Object.keys(byPath).sort()).toEqual(["risk.maxDrawdown", "trading.config.allowShorting", "trading.config.initialCapital"]);
    expect(byPath["trading.config.initialCapital"]).toBe(`--trading-config venue.yaml: ${unset("NO_CAPITAL")}`);
    expect(byPath["trading.config.allowShorting"]).toBe(`--trading-config venue.yaml: ${MALFORMED}`);
    expect(byPath["risk.maxDrawdown"]).toStartWith("must be at most 1");
  });
});

describe('a "${" that starts no placeholder is a problem, not text', () => {
  const bad = ["${STATUS_TOKEN:changeme-please-x}", "${STATUS_TOKEN-fallback-token-123}", "${STATUS-TOKEN-0123456789}", "${}", "key-${never-closed"];

  for (const text of bad) {
    test(`${text}: at its path, with how to write one; thrown without a sink`, () => {
      const problems: SubstitutionProblem[] = [];
      substituteEnv({ status: { token: text } }, { STATUS_TOKEN: REAL_TOKEN }, undefined, [], problems);
      expect(problems).toEqual([{ path: "status.token", keys: ["status", "token"], message: MALFORMED }]);
      let thrown: unknown;
      try {
        substituteEnv({ status: { token: text } }, { STATUS_TOKEN: REAL_TOKEN });
      } catch (error) {
        thrown = error;
      }
      expect(isArgoError(thrown, "INVALID_CONFIGURATION")).toBe(true);
      expect((thrown as Error).message).toBe(`status.token: ${MALFORMED}`);
    });
  }

  test("$${ stays a literal ${ and a well-formed placeholder beside it still works", () => {
    const problems: SubstitutionProblem[] = [];
    expect(substituteEnv("a$${B:c}d${E:-f}", {}, undefined, [], problems)).toBe("a${B:c}df");
    expect(problems).toEqual([]);
  });

  test("argo validate refuses the status token `${STATUS_TOKEN:changeme-please-x}` (it became the token, as text)", async () => {
    const yaml = `engine: { symbols: [BTCUSD] }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { host: 0.0.0.0, token: "\${STATUS_TOKEN:changeme-please-x}" }\n`;
    const r = await validate("malformed.yaml", yaml, { STATUS_TOKEN: REAL_TOKEN });
    expect(r.code).toBe(3);
    expect(r.err).toBe(`${r.path}: 1 problem\n  ✗ status.token: ${MALFORMED}\n`);
    expect(r.all).not.toContain(REAL_TOKEN);
    expect(r.all).not.toContain("changeme-please-x");
  });
});

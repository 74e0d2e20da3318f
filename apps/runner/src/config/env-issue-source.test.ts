import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { traceEnvOverrides } from "./env-overrides.ts";

const tmp = tempDir("argo-env-source-");
afterAll(() => tmp.cleanup());

const CONFIG = `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\n`;

async function refused(args: string[], env: Record<string, string>) {
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(args, c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => ({ path: m[1]!, message: m[2]! }));
  return { code, problems };
}

describe("a problem an ARGO__ variable caused names the variable", () => {
  test("a misspelt section (ARGO__ENGNE__DATA_DIR) is an unknown key set by that variable, not one of the file", async () => {
    const path = writeConfig(tmp.dir, "valid.yaml", CONFIG);
    const r = await refused(["validate", path], { ARGO__ENGNE__DATA_DIR: "/tmp/elsewhere" });
    expect(r.code).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(["engne"]);
    expect(r.problems[0]!.message).toContain("unknown key");
    expect(r.problems[0]!.message).toContain("ARGO__ENGNE__DATA_DIR");
  });

  test("two variables that made the same unknown key are both named", async () => {
    const path = writeConfig(tmp.dir, "valid-2.yaml", CONFIG);
    const r = await refused(["validate", path], { ARGO__ENGNE__DATA_DIR: "/tmp/elsewhere", ARGO__ENGNE__INTERVAL: "5m" });
    expect(r.problems.map((p) => p.path)).toEqual(["engne"]);
    expect(r.problems[0]!.message).toContain("ARGO__ENGNE__DATA_DIR");
    expect(r.problems[0]!.message).toContain("ARGO__ENGNE__INTERVAL");
  });

  test("a bad value is the variable's; the file's own mistakes and the sections the file has are not", async () => {
    const path = writeConfig(tmp.dir, "own-mistake.yaml", `engine: { symbols: [BTCUSD], interval: 1m, bogus: 1 }\nstrategy: { path: ${SMA_CROSS} }\n`);
    const r = await refused(["validate", path], { ARGO__ENGINE__INTERVAL: "0m" });
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(["engine.bogus", "engine.interval"]);
    expect(byPath["engine.interval"]).toContain("ARGO__ENGINE__INTERVAL");
    expect(byPath["engine.bogus"]).not.toContain("ARGO__");
  });

  test("a flag that replaced the variable's value is what is wrong, not the variable", async () => {
    const path = writeConfig(tmp.dir, "flag-wins.yaml", CONFIG);
    const overridden = await refused(["backtest", path, "--interval", "0m"], { ARGO__ENGINE__INTERVAL: "5m" });
    expect(overridden.code).toBe(3);
    // The flag is named, not the key it sets nor the variable it replaced.
    expect(overridden.problems.map((p) => p.path)).toEqual(["--interval"]);
    expect(overridden.problems[0]!.message).not.toContain("ARGO__");
    // The same value from the variable alone is the variable's.
    const fromEnv = await refused(["backtest", path], { ARGO__ENGINE__INTERVAL: "0m" });
    expect(fromEnv.problems[0]!.message).toContain("ARGO__ENGINE__INTERVAL");
    // A flag whose value only validation can judge (a strategy file that is not there) replaced the variable's too.
    const strategy = await refused(["backtest", path, "--strategy", "./no-such-strategy.ts"], { ARGO__STRATEGY__PATH: SMA_CROSS });
    expect(strategy.problems.map((p) => p.path)).toEqual(["strategy.path"]);
    expect(strategy.problems[0]!.message).toContain("no-such-strategy.ts");
    expect(strategy.problems[0]!.message).not.toContain("ARGO__");
  });
});

test("traceEnvOverrides says which keys each variable set and from where it made them", () => {
  const { config, overrides } = traceEnvOverrides({ engine: { symbols: ["A"] } }, { ARGO__ENGINE__INTERVAL: "5m", ARGO__ENGNE__DATA__DIR: "x", ARGO__ENGNE__OTHER: "y", PATH: "/bin" });
  expect(config).toEqual({ engine: { symbols: ["A"], interval: "5m" }, engne: { data: { dir: "x" }, other: "y" } });
  // engine was the config's; engne none's, though the variable sorted first made it before the second ran.
  expect(overrides).toEqual([
    { variable: "ARGO__ENGINE__INTERVAL", keys: ["engine", "interval"], createdFrom: 1 },
    { variable: "ARGO__ENGNE__DATA__DIR", keys: ["engne", "data", "dir"], createdFrom: 0 },
    { variable: "ARGO__ENGNE__OTHER", keys: ["engne", "other"], createdFrom: 0 },
  ]);
});

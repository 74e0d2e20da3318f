import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { quickSessionConfig, SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-config-strategy-");
afterAll(() => tmp.cleanup());

/** The SMA example as examples/backtest-goog.yaml configures it: no `sizing`, so the file spells no `equityFraction`. */
const withoutSizing = () => quickSessionConfig(join(tmp.dir, "data"), { strategy: { path: SMA_CROSS, config: { fast: 10, slow: 30 } } });
const SIZING = { ARGO__STRATEGY__CONFIG__SIZING__EQUITYFRACTION: "0.5" };

describe("ARGO__ overrides of strategy.config go by the strategy's schema, loaded once by buildRawConfig", () => {
  test("an upper-case variable sets the strategy's camelCase key the file does not have, and the session takes it", async () => {
    const path = writeConfig(tmp.dir, "no-sizing.json", withoutSizing());
    const raw = await buildRawConfig(path, {}, SIZING, tmp.dir);
    expect(raw.raw.strategy).toEqual({ path: SMA_CROSS, config: { fast: 10, slow: 30, sizing: { equityFraction: 0.5 } } });
    const outcome = await validateConfig(raw);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.strategyConfig).toEqual({ fast: 10, slow: 30, sizing: { equityFraction: 0.5 } });
  });

  test("the strategy a --strategy flag names is the one whose schema is read", async () => {
    const { strategy: _, ...rest } = withoutSizing();
    const path = writeConfig(tmp.dir, "flag-strategy.json", rest);
    const raw = await buildRawConfig(path, { strategy: SMA_CROSS }, SIZING, tmp.dir);
    expect(raw.strategy?.strategy?.name).toBe("sma-cross");
    expect(raw.raw.strategy).toEqual({ path: SMA_CROSS, config: { sizing: { equityFraction: 0.5 } } });
  });

  test("a name neither the strategy nor the file knows stays an unknown key naming the variable", async () => {
    const path = writeConfig(tmp.dir, "misspelt.json", withoutSizing());
    const outcome = await validateConfig(await buildRawConfig(path, {}, { ARGO__STRATEGY__CONFIG__SLOWW: "40" }, tmp.dir));
    expect(outcome.ok ? [] : outcome.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: "strategy.config.sloww", message: "unknown key (not part of this config; check its spelling); set by the environment variable ARGO__STRATEGY__CONFIG__SLOWW" },
    ]);
  });

  test("a strategy that cannot be loaded is reported once, at strategy.path, from the load buildRawConfig recorded", async () => {
    const missing = join(tmp.dir, "no-such-strategy.ts");
    const path = writeConfig(tmp.dir, "missing-strategy.json", { ...withoutSizing(), strategy: { path: missing } });
    const raw = await buildRawConfig(path, {}, SIZING, tmp.dir);
    expect(raw.strategy?.error).toBeInstanceOf(Error);
    const outcome = await validateConfig(raw);
    const issues = outcome.ok ? [] : outcome.issues;
    expect(issues.filter((issue) => issue.path === "strategy.path")).toEqual([{ path: "strategy.path", message: `strategy file not found: ${missing}` }]);
  });

  test("validation takes a recorded load for the same path instead of loading again", async () => {
    const raw = withoutSizing();
    const recorded = new Error("the load buildRawConfig recorded failed");
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir, strategy: { path: SMA_CROSS, baseDir: tmp.dir, error: recorded } });
    expect(outcome.ok ? [] : outcome.issues).toEqual([{ path: "strategy.path", message: "the load buildRawConfig recorded failed" }]);
  });
});

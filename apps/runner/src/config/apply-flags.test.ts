import { afterAll, describe, expect, test } from "bun:test";
import { quickSessionConfig, tempDir } from "../__fixtures__/session-config.ts";
import { applyFlags } from "./apply-flags.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-apply-flags-");
afterAll(() => tmp.cleanup());

const PAPER_CONFIG = { initialCapital: 1000, commission: { takerRate: 0.01 } };
const SIMULATED_CONFIG = { pattern: "decreasing", seed: 99, bars: 50 };

describe("a provider flag naming the provider the session uses anyway", () => {
  test("the default, when the file names none: the file's config is kept", async () => {
    const file = { trading: { config: PAPER_CONFIG }, market_data: { config: SIMULATED_CONFIG } };
    const raw = await applyFlags(file, { "trading-provider": "paper", "market-data-provider": "simulated" }, tmp.dir);
    expect(raw.trading).toEqual({ provider: "paper", config: PAPER_CONFIG });
    expect(raw.market_data).toEqual({ provider: "simulated", config: SIMULATED_CONFIG });
  });

  test("the one the file names: the file's config is kept", async () => {
    const raw = await applyFlags({ trading: { provider: "paper", config: PAPER_CONFIG } }, { "trading-provider": "paper" }, tmp.dir);
    expect(raw.trading).toEqual({ provider: "paper", config: PAPER_CONFIG });
  });

  // The file's config of another provider is dropped before the ARGO__ variables apply (dropOtherProviderConfigs, see
  // provider-switch-env.test.ts): what applyFlags is given then holds only what they set for the new provider.
  test("another provider: the config it is given (what ARGO__ set for that provider) is kept", async () => {
    const raw = await applyFlags({ market_data: { config: { files: [] } } }, { "market-data-provider": "replay" }, tmp.dir);
    expect(raw.market_data).toEqual({ provider: "replay", config: { files: [] } });
  });
});

describe("a provider section that is not a mapping", () => {
  const wrong = { string: "example", null: null, list: ["replay"] } as const;

  for (const [kind, value] of Object.entries(wrong)) {
    test(`(${kind}) is left as written when no flag is about it, and validation names it`, async () => {
      const file = { ...quickSessionConfig(tmp.dir), trading: value, market_data: value };
      const raw = await applyFlags(file, { symbols: "BTCUSD" }, tmp.dir);
      expect([raw.trading, raw.market_data]).toEqual([value, value]);
      const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir });
      expect(outcome.ok ? [] : outcome.issues.map((i) => i.path).sort()).toEqual(["market_data", "trading"]);
    });
  }

  test("a flag for it writes a section of its own: the flag wins, as over any value of the file", async () => {
    const raw = await applyFlags({ trading: "example", market_data: null }, { "trading-provider": "fake-live", "market-data-config": '{"seed":1}' }, tmp.dir);
    expect(raw.trading).toEqual({ provider: "fake-live" });
    expect(raw.market_data).toEqual({ config: { seed: 1 } });
  });

  test("a flag for one provider section leaves the other as written: its wrong type is still reported", async () => {
    const file = { ...quickSessionConfig(tmp.dir), market_data: "replay" };
    const raw = await applyFlags(file, { "trading-provider": "paper" }, tmp.dir);
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir });
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.path)).toEqual(["market_data"]);
  });
});

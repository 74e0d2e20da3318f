import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { quickSessionConfig, SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { main } from "../main.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { replacedSectionNotices } from "./replaced-section-notices.ts";

const tmp = tempDir("argo-replaced-section-");
afterAll(() => tmp.cleanup());

describe("a --*-config flag replaces its section whole, and the run says which keys of the file that drops", () => {
  const sized = () =>
    quickSessionConfig(join(tmp.dir, "data"), {
      strategy: { path: SMA_CROSS, config: { fast: 5, slow: 20, sizing: { equityFraction: 0.1 } } },
      trading: { provider: "paper", config: { initialCapital: 5000, commission: { makerRate: 0.002, takerRate: 0.002 } } },
    });

  test("--strategy-config without the file's sizing: the section is the flag's, and one notice names the flag and sizing", async () => {
    const path = writeConfig(tmp.dir, "config.json", sized());
    const raw = await buildRawConfig(path, { "strategy-config": '{"fast":4,"slow":20}' }, {}, tmp.dir);
    expect(raw.raw.strategy).toEqual({ path: SMA_CROSS, config: { fast: 4, slow: 20 } });
    expect(raw.notices).toEqual([`--strategy-config replaces strategy.config from ${path}; not in it: sizing`]);
  });

  test("argo backtest prints the notice on stderr before the run", async () => {
    const path = writeConfig(tmp.dir, "printed.json", sized());
    const c = captureIo({ cwd: tmp.dir });
    await main(["backtest", path, "--strategy-config", '{"fast":4,"slow":20}', "--output", join(tmp.dir, "printed-out")], c.io);
    expect(c.stderr()).toContain(`argo: --strategy-config replaces strategy.config from ${path}; not in it: sizing`);
    // A whole backtest runs: on a loaded machine it can pass bun's 5 s default.
  }, 30_000);

  test("--trading-config names every key it drops, inside a mapping both have too", async () => {
    const path = writeConfig(tmp.dir, "venue.json", sized());
    const raw = await buildRawConfig(path, { "trading-config": '{"latencyMs":0,"commission":{"takerRate":0}}' }, {}, tmp.dir);
    expect(raw.notices).toEqual([`--trading-config replaces trading.config from ${path}; not in it: initialCapital, commission.makerRate`]);
  });

  test("no notice when the flag's value has every key, when no flag is given, or when the flag names what the file lacks", async () => {
    const path = writeConfig(tmp.dir, "same.json", sized());
    const all = '{"fast":8,"slow":30,"sizing":{"equityFraction":0.2},"extra":1}';
    expect((await buildRawConfig(path, { "strategy-config": all }, {}, tmp.dir)).notices).toEqual([]);
    expect((await buildRawConfig(path, {}, {}, tmp.dir)).notices).toEqual([]);
    const { market_data: _, ...noData } = sized();
    const bare = writeConfig(tmp.dir, "no-data.json", noData);
    expect((await buildRawConfig(bare, { "market-data-config": '{"seed":3}' }, {}, tmp.dir)).notices).toEqual([]);
  });

  test("a provider flag that changes the provider drops its config for another reason: no notice", () => {
    const before = { trading: { provider: "paper", config: { initialCapital: 5000 } } };
    const after = { trading: { provider: "fake-live", config: { accountId: "A" } } };
    expect(replacedSectionNotices(before, after, { "trading-provider": "fake-live", "trading-config": "{}" }, "c.yaml")).toEqual([]);
    // The same provider named again keeps the file's config, so what the flag drops is said.
    const same = { trading: { provider: "paper", config: { latencyMs: 5 } } };
    expect(replacedSectionNotices(before, same, { "trading-provider": "paper", "trading-config": "{}" }, "c.yaml")).toEqual([
      "--trading-config replaces trading.config from c.yaml; not in it: initialCapital",
    ]);
  });
});

import { getProviderInfo } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir } from "../__fixtures__/session-config.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("validateConfig: the providers of a valid session", () => {
  test("each provider's info is what the registry's getProviderInfo gives for it", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), plugins: [FAKE_LIVE_PLUGIN], trading: { provider: "fake-live", config: { accountId: "A-1", apiKey: "k-1234567890" } } };
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.trading.info).toEqual(getProviderInfo("fake-live"));
    expect(outcome.session.marketData.info).toEqual(getProviderInfo("simulated"));
    // The live flag decides whether `argo run` asks for confirmation: it must come through.
    expect(outcome.session.trading.info.isPaperTrading).toBe(false);
    expect(outcome.session.marketData.info.kind).toBe("market-data");
  });

  test("a paper venue is flagged as paper", async () => {
    const outcome = await validateConfig({ raw: quickSessionConfig(tmp.dir), baseDir: tmp.dir, cwd: tmp.dir });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.trading.info).toEqual(getProviderInfo("paper"));
    expect(outcome.session.trading.info.isPaperTrading).toBe(true);
  });
});

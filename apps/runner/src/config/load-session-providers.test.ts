import { ArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { loadSessionProviders } from "./load-session-providers.ts";
import { sessionProviders } from "./session-providers.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-load-providers-");
afterAll(() => tmp.cleanup());

describe("the session's providers are loaded once, by buildRawConfig, and validation reports that outcome", () => {
  test("a plugin that is not there: the load says so without throwing, and validation reports it under plugins", async () => {
    const missing = join(tmp.dir, "no-such-plugin.ts");
    const path = writeConfig(tmp.dir, "missing-plugin.json", { ...quickSessionConfig(join(tmp.dir, "data")), plugins: [missing] });
    const raw = await buildRawConfig(path, {}, {}, tmp.dir);
    expect(raw.loaded?.names).toEqual({ trading: "paper", marketData: "simulated", plugins: [missing] });
    expect(raw.loaded?.error).toBeInstanceOf(Error);
    const outcome = await validateConfig(raw);
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.path)).toEqual(["plugins"]);
  });

  test("a provider flag names the provider loaded, as it names the one the session uses", async () => {
    const path = writeConfig(tmp.dir, "replay-flag.json", quickSessionConfig(join(tmp.dir, "data")));
    const raw = await buildRawConfig(path, { "market-data-provider": "replay" }, {}, tmp.dir);
    expect(raw.loaded?.names.marketData).toBe("replay");
    expect(sessionProviders(raw.raw).marketData).toBe("replay");
  });

  test("validation takes the recorded outcome for the same names instead of loading again", async () => {
    const raw = quickSessionConfig(join(tmp.dir, "data"));
    const names = sessionProviders(raw);
    const recorded = new ArgoError("PROVIDER_NOT_FOUND", "the load buildRawConfig recorded failed");
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir, loaded: { names, error: recorded } });
    expect(outcome.ok ? [] : outcome.issues).toEqual([{ path: "plugins", message: "the load buildRawConfig recorded failed" }]);
  });

  test("an outcome recorded for other names is not taken: these are loaded", async () => {
    const raw = quickSessionConfig(join(tmp.dir, "data"));
    const other = { ...sessionProviders(raw), trading: "fake-live" };
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir, loaded: { names: other, error: new Error("not about these") } });
    expect(outcome.ok).toBe(true);
  });

  test("providers that load leave an outcome without an error", async () => {
    const load = await loadSessionProviders({ trading: "paper", marketData: "replay", plugins: [] }, [tmp.dir]);
    expect(load).toEqual({ names: { trading: "paper", marketData: "replay", plugins: [] } });
  });
});

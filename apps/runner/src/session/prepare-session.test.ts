import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { prepareSession } from "./prepare-session.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const KEY = "ak-ENV-SECRET-9f8e7d6c5b";
const PLUGIN = join(import.meta.dir, "../__fixtures__/leaky-factory-provider.ts");

describe("prepareSession: a provider whose factory echoes its key", () => {
  const config = `engine: { symbols: [BTCUSD] }
plugins: [${PLUGIN}]
trading: { provider: leaky-create, config: { apiKey: "\${LEAKY_KEY}" } }
strategy: { path: ${SMA_CROSS} }
status: { port: 0 }
`;

  test.each(["run", "backtest"])("argo %s prints the error without the key, exit 1 (a failure, not a config mistake)", async (command) => {
    const path = writeConfig(tmp.dir, `leaky-create-${command}.yaml`, config);
    const c = captureIo({ env: { LEAKY_KEY: KEY }, cwd: tmp.dir });
    const code = await main([command, path, ...(command === "backtest" ? ["--output", join(tmp.dir, "out")] : [])], c.io);
    expect(code).toBe(1);
    expect(c.stderr()).toContain("argo: bad key format: [REDACTED]");
    expect(c.all()).not.toContain(KEY);
  });
});

describe("prepareSession: each provider's config is parsed exactly once", () => {
  const SECONDS_PLUGIN = join(import.meta.dir, "../__fixtures__/seconds-provider.ts");

  // The schema converts seconds to milliseconds: run twice, 2 s would be 2,000,000 ms (over its 60 s limit: refused)
  // and 0.05 s would silently be 50 s.
  test.each([[2, 2000], [0.05, 50]])("latencySeconds %p reaches the provider's check and factory as %p ms", async (seconds, ms) => {
    const { createdWith, checkedWith } = await import("../__fixtures__/seconds-provider.ts");
    createdWith.length = 0;
    checkedWith.length = 0;
    const path = writeConfig(tmp.dir, `seconds-${seconds}.json`, {
      ...quickSessionConfig(tmp.dir),
      plugins: [SECONDS_PLUGIN],
      trading: { provider: "seconds-paper", config: { latencySeconds: seconds } },
    });
    const c = captureIo({ cwd: tmp.dir });
    const prepared = await prepareSession(path, {}, c.io);
    expect(c.stderr()).toBe("");
    expect(prepared.ok).toBe(true);
    expect(checkedWith).toEqual([{ initialCapital: 10_000, latencySeconds: ms }]);
    expect(createdWith).toEqual([{ initialCapital: 10_000, latencySeconds: ms }]);
  });
});

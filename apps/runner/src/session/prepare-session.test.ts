import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

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

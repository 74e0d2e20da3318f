import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { EXIT } from "../cli/exit-codes.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const KEY = "md-KEY-0a1b2c3d4e5f";
const PLUGIN = join(import.meta.dir, "../__fixtures__/leaky-factory-provider.ts");

// The market data provider is created fine and fails inside runBacktest, with its key in the error.
async function backtest(failCode: string) {
  const path = writeConfig(tmp.dir, `leaky-history-${failCode}.yaml`, `engine: { symbols: [BTCUSD], interval: 1d }
plugins: [${PLUGIN}]
market_data: { provider: leaky-history, config: { apiKey: "\${HISTORY_KEY}", failCode: ${failCode} } }
strategy: { path: ${SMA_CROSS} }
log: { level: silent }
`);
  const c = captureIo({ env: { HISTORY_KEY: KEY }, cwd: tmp.dir });
  const code = await main(["backtest", path, "--output", join(tmp.dir, `out-${failCode}`)], c.io);
  return { code, c };
}

describe("argo backtest: an error escaping the run", () => {
  test("is printed without the provider's key, exit 1 for a failure", async () => {
    const { code, c } = await backtest("CONNECTION_LOST");
    expect(code).toBe(EXIT.FAILURE);
    expect(c.stderr()).toContain("history refused for key [REDACTED]");
    expect(c.all()).not.toContain(KEY);
  });

  test("keeps its code: a configuration error is still exit 3, scrubbed too", async () => {
    const { code, c } = await backtest("INVALID_CONFIGURATION");
    expect(code).toBe(EXIT.INVALID_CONFIG);
    expect(c.stderr()).toContain("history refused for key [REDACTED]");
    expect(c.all()).not.toContain(KEY);
  });
});

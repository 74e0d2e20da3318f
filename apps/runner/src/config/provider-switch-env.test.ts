import "@argo/provider-paper";
import "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-provider-switch-env-");
afterAll(() => tmp.cleanup());

// Five consecutive days, in the reference data's layout: the replay provider's session check reads them.
writeFileSync(
  join(tmp.dir, "GOOG.csv"),
  ",Open,High,Low,Close,Volume\n2024-01-01,10,11,9,10.5,100\n2024-01-02,10.5,12,10,11,100\n2024-01-03,11,12,10,11.5,100\n2024-01-04,11.5,13,11,12,100\n2024-01-05,12,13,11,12.5,100\n",
);
// The file's market data config is the simulated provider's: `bars` is no key of replay's.
const FILE = `engine: { symbols: [GOOG], interval: 1d }\nmarket_data: { provider: simulated, config: { bars: 100 } }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\n`;
const REPLAY_FILE = {
  ARGO__MARKET_DATA__CONFIG__FILES__0__PATH: "./GOOG.csv",
  ARGO__MARKET_DATA__CONFIG__FILES__0__SYMBOL: "GOOG",
  ARGO__MARKET_DATA__CONFIG__FILES__0__INTERVAL: "1d",
};

async function session(flags: Record<string, string>, env: Record<string, string>) {
  const path = writeConfig(tmp.dir, "switch.yaml", FILE);
  const built = await buildRawConfig(path, flags, env, tmp.dir);
  return { raw: built.raw, outcome: await validateConfig(built) };
}

describe("switching the market data provider keeps what ARGO__ set for the new one and drops the file's config", () => {
  // Expected by hand: the three variables make one files item; `bars` (the file's) is gone.
  const expected = { provider: "replay", config: { files: [{ path: "./GOOG.csv", symbol: "GOOG", interval: "1d" }] } };

  test("by --market-data-provider", async () => {
    const { raw, outcome } = await session({ "market-data-provider": "replay" }, REPLAY_FILE);
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
    expect(raw.market_data).toEqual(expected);
  });

  test("by ARGO__MARKET_DATA__PROVIDER, as the flag does", async () => {
    const { raw, outcome } = await session({}, { ...REPLAY_FILE, ARGO__MARKET_DATA__PROVIDER: "replay" });
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
    expect(raw.market_data).toEqual(expected);
  });

  test("a variable naming the file's own provider keeps the file's config", async () => {
    const { raw } = await session({}, { ARGO__MARKET_DATA__PROVIDER: "simulated", ARGO__MARKET_DATA__CONFIG__SEED: "3" });
    expect(raw.market_data).toEqual({ provider: "simulated", config: { bars: 100, seed: 3 } });
  });
});

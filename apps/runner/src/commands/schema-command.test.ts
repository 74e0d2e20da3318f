import type { JsonSchema } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { EXAMPLE_PLUGIN, FAKE_LIVE_PLUGIN } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

type Schema = JsonSchema & { properties: Record<string, Schema>; allOf?: Schema[]; writeOnly?: boolean; enum?: unknown[] };

async function schema(...argv: string[]): Promise<Schema> {
  const c = captureIo();
  expect(await main(["schema", ...argv], c.io)).toBe(0);
  return JSON.parse(c.stdout()) as Schema;
}

describe("argo schema", () => {
  test("a provider's config schema: the paper venue's fields", async () => {
    const paper = await schema("paper");
    expect(paper.type).toBe("object");
    expect(Object.keys(paper.properties)).toEqual(expect.arrayContaining(["initialCapital", "commission", "slippage", "allowShorting"]));
  });

  test("a market data provider loads its package on demand: simulated", async () => {
    const simulated = await schema("simulated");
    expect(Object.keys(simulated.properties)).toEqual(expect.arrayContaining(["pattern", "seed", "bars", "barDelayMs"]));
  });

  test('"config" is the whole file: every section, providers as an enum, each provider\'s config under if/then', async () => {
    const config = await schema("config");
    expect(Object.keys(config.properties).sort()).toEqual(["backtest", "engine", "log", "market_data", "plugins", "risk", "status", "strategy", "trading"]);
    expect(config.properties.trading!.properties.provider!.enum).toContain("paper");
    expect(config.properties.market_data!.properties.provider!.enum).toEqual(expect.arrayContaining(["replay", "simulated"]));
    const paperBranch = config.properties.trading!.allOf!.find((b) => JSON.stringify(b.if).includes('"paper"'));
    expect(Object.keys((paperBranch!.then as Schema).properties.config!.properties)).toContain("initialCapital");
    // The risk section is the engine's risk schema, not a free-form record.
    expect(Object.keys(config.properties.risk!.properties)).toContain("maxOrderValue");
    // The status token is a secret: write-only.
    expect(config.properties.status!.properties.token!.writeOnly).toBe(true);
  });

  test('"risk" is the risk limits', async () => {
    const risk = await schema("risk");
    expect(Object.keys(risk.properties)).toEqual(expect.arrayContaining(["maxOrderValue", "maxDrawdown", "maxDailyLoss", "maxOpenOrders"]));
  });

  test("a plugin's provider with --plugin; its secret fields are write-only", async () => {
    const live = await schema("fake-live", "--plugin", FAKE_LIVE_PLUGIN);
    expect(live.properties.apiKey!.writeOnly).toBe(true);
    expect(live.properties.accountId!.writeOnly).toBeUndefined();
    const example = await schema("example", "--plugin", EXAMPLE_PLUGIN);
    expect(example.properties.apiToken!.writeOnly).toBe(true);
  });

  test("an unknown provider exits 3 naming it and listing the available ones", async () => {
    const c = captureIo();
    expect(await main(["schema", "papr"], c.io)).toBe(3);
    expect(c.stderr()).toContain('"papr"');
    const available = c.stderr().match(/available: ([^(]+)/)?.[1]?.trim().split(", ") ?? [];
    expect(available).toEqual(expect.arrayContaining(["paper", "replay", "simulated"]));
    // This command reads no config: an installed plugin's provider is found only through --plugin, and it says so.
    expect(c.stderr()).toContain("(a plugin's provider: add --plugin <package>)");
  });
});

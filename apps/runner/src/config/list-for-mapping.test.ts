import { defineProvider, registerProvider, secret, unregisterProvider } from "@argo/core";
import { simulatedConfigSchema, simulatedProviderDefinition } from "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { configSecretValues } from "./config-secret-values.ts";

const tmp = tempDir("argo-list-for-mapping-");
// A data vendor's provider as a plugin would register it: a secret access code, and a schema that is not strict (a list
// given to it passed as an empty config, every field at its default).
const VENDOR = "list-shape-vendor-data";
const ACCESS = "vk_live_fake-9f8e7d6c-do-not-print";
const TOKEN = "status-token-fake-Hq83-do-not-print";
registerProvider(
  defineProvider({
    ...simulatedProviderDefinition,
    name: VENDOR, displayName: "List-shape vendor", packageName: "argo-list-shape-vendor-fixture",
    configSchema: v.object({ accessCode: v.optional(secret("vendor access code")), bars: v.optional(v.number(), 100) }),
    create: (config: { bars: number }) => simulatedProviderDefinition.create(v.parse(simulatedConfigSchema, { bars: config.bars })),
    checkSession: () => [],
  }),
);
afterAll(() => {
  unregisterProvider(VENDOR);
  tmp.cleanup();
});

const LIST = "expected a mapping (key: value entries), received a list";

async function argo(command: string, yaml: string, env: Record<string, string> = {}) {
  const path = writeConfig(tmp.dir, `c${Math.random().toString(36).slice(2)}.yaml`, yaml);
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main([command, path, ...(command === "backtest" ? ["--no-progress"] : [])], c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => [m[1]!, m[2]!]);
  return { code, problems, all: c.all() };
}

const session = (rest: string) => `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\n${rest}`;

describe("a list written where a mapping belongs is refused whole at its path", () => {
  // Each config below is right but for one list; the expected problem is that list's path (read off the YAML by hand).
  const cases: Array<[string, string, string]> = [
    // Used to validate and run on the provider's defaults (1000 random bars, not 200 decreasing ones).
    ["market_data.config", "market_data.config", "market_data:\n  provider: simulated\n  config:\n    - pattern: decreasing\n    - bars: 200\n"],
    ["trading.config", "trading.config", "trading:\n  provider: paper\n  config:\n    - initialCapital: 5000\n"],
    ["strategy.config", "strategy.config", `strategy:\n  path: ${SMA_CROSS}\n  config:\n    - fast: 3\n    - slow: 9\n`],
    ["risk", "risk", "risk:\n  - maxDrawdown: 0.2\n"],
    ["a provider's own mapping (paper's commission)", "trading.config.commission", "trading: { provider: paper, config: { commission: [ { perOrder: 1 } ] } }\n"],
    ["a record of the risk limits (risk.symbols)", "risk.symbols", "risk: { symbols: [ { BTCUSD: { maxPositionQuantity: 1 } } ] }\n"],
    ["a choice of mappings in the strategy's config (sizing)", "strategy.config.sizing", `strategy: { path: ${SMA_CROSS}, config: { sizing: [ { quantity: 1 } ] } }\n`],
  ];
  for (const [what, path, yaml] of cases) {
    test(`${what}: exit 3, one problem at ${path}`, async () => {
      // The strategy section, when the case writes its own, replaces the session's (a YAML key may be written once).
      const text = yaml.startsWith("strategy") ? `engine: { symbols: [BTCUSD], interval: 1m }\n${yaml}` : session(yaml);
      const r = await argo("validate", text);
      expect(r.code).toBe(3);
      expect(r.problems).toEqual([[path, LIST]]);
    });
  }

  test("the same at `argo backtest`, which does not run on the defaults", async () => {
    const r = await argo("backtest", session("market_data:\n  provider: simulated\n  config:\n    - bars: 200\nbacktest: { output_dir: ./out }\n"));
    expect(r.code).toBe(3);
    expect(r.problems).toEqual([["market_data.config", LIST]]);
  });
});

describe("a secret inside such a list is never printed", () => {
  const yaml = session(`market_data:\n  provider: ${VENDOR}\n  config:\n    - accessCode: \${VENDOR_KEY}\n    - bars: 50\n`);

  test("argo validate refuses it without the value (it used to print the whole config, the key unredacted)", async () => {
    const r = await argo("validate", yaml, { VENDOR_KEY: ACCESS });
    expect(r.code).toBe(3);
    expect(r.problems).toEqual([["market_data.config", LIST]]);
    expect(r.all).not.toContain(ACCESS);
  });

  test("argo run refuses it before anything is served (its /session returned the key)", async () => {
    const r = await argo("run", `${yaml}status: { port: 0 }\n`, { VENDOR_KEY: ACCESS });
    expect(r.code).toBe(3);
    expect(r.all).not.toContain(ACCESS);
  });

  test("the scrub list holds secrets written in list items, where the schema would put them", () => {
    const raw = {
      market_data: { provider: VENDOR, config: [{ accessCode: ACCESS }, { bars: 5 }] },
      status: [{ token: TOKEN }],
    };
    // The two secret fields written, and nothing else (the bars count is no secret).
    expect([...new Set(configSecretValues(raw))].sort()).toEqual([ACCESS, TOKEN].sort());
  });
});

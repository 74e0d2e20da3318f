import { afterAll, describe, expect, test } from "bun:test";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { spawnCli } from "../__fixtures__/spawn-cli.ts";

// Each check runs `argo validate` in a fresh process: in this one, other tests have already imported every first-party
// provider package, which hid the fault (a name of the other kind loaded nothing more, so nothing of its kind was listed).
const tmp = tempDir("argo-provider-kind-");
afterAll(() => tmp.cleanup());

async function validateFresh(name: string, yaml: string) {
  const cli = spawnCli(["validate", writeConfig(tmp.dir, name, yaml)], {}, tmp.dir);
  const code = await cli.exited;
  return { code, err: cli.stderr(), problem: cli.stderr().match(/^ {2}✗ (\S+): (.*)$/m)?.slice(1) ?? [] };
}

describe("a provider named under the other kind", () => {
  // The first-party providers installed with the runner (its package.json): paper trades, replay and simulated serve data.
  test("trading: { provider: simulated } lists the trading providers and says simulated serves market data", async () => {
    const r = await validateFresh("trading-simulated.yaml", `engine: { symbols: [BTCUSD] }\ntrading: { provider: simulated }\nstrategy: { path: ${SMA_CROSS} }\n`);
    expect(r.code).toBe(3);
    expect(r.problem[0]).toBe("trading.provider");
    expect(r.problem[1]).toStartWith('unknown trading provider "simulated" ("simulated" is a market-data provider); available: ');
    expect(r.problem[1]!.split("available: ")[1]!.split(", ")).toContain("paper");
    // Nothing to import: the package is installed, a config file's user has nowhere to write an import.
    expect(r.err).not.toContain("import");
  });

  test("market_data: { provider: paper } lists the market data providers, the same in every run", async () => {
    const yaml = `engine: { symbols: [BTCUSD] }\nmarket_data: { provider: paper }\nstrategy: { path: ${SMA_CROSS} }\n`;
    const [first, second] = await Promise.all([validateFresh("data-paper-1.yaml", yaml), validateFresh("data-paper-2.yaml", yaml)]);
    expect(first.code).toBe(3);
    expect(first.problem[0]).toBe("market_data.provider");
    expect(first.problem[1]).toStartWith('unknown market-data provider "paper" ("paper" is a trading provider); available: ');
    const listed = first.problem[1]!.split("available: ")[1]!.split(", ");
    expect(listed).toContain("replay");
    expect(listed).toContain("simulated");
    expect(first.err).not.toContain("import");
    expect(second.problem).toEqual(first.problem);
  });
});

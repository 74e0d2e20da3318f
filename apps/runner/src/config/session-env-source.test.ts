import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-session-env-source-");
afterAll(() => tmp.cleanup());

/** validate's exit code and its problems as { path, message }. */
async function validate(path: string, env: Record<string, string>) {
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => ({ path: m[1]!, message: m[2]! }));
  return { code, problems };
}

describe("a problem judged against engine.symbols or engine.interval names the ARGO__ variable that set them", () => {
  test("a per-symbol risk limit left without its symbol by ARGO__ENGINE__SYMBOLS names that variable", async () => {
    const path = writeConfig(tmp.dir, "risk.yaml", `engine: { symbols: [BTCUSD, ETHUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nrisk: { symbols: { ETHUSD: { maxPositionQuantity: 5 } } }\n`);
    // The file alone is valid: the problem exists only through the variable, which must be named.
    expect((await validate(path, {})).code).toBe(0);
    const r = await validate(path, { ARGO__ENGINE__SYMBOLS: "BTCUSD" });
    expect(r.code).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(["risk.symbols.ETHUSD"]);
    expect(r.problems[0]!.message).toEndWith("; engine.symbols set by the environment variable ARGO__ENGINE__SYMBOLS");
  });

  test("a provider's session check (paper's symbols list) names the variable that set one symbol", async () => {
    const path = writeConfig(tmp.dir, "paper.yaml", `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\ntrading: { provider: paper, config: { symbols: [BTCUSD] } }\n`);
    const r = await validate(path, { ARGO__ENGINE__SYMBOLS__1: "SOLUSD" });
    expect(r.problems.map((p) => p.path)).toEqual(["trading.config.symbols"]);
    expect(r.problems[0]!.message).toContain("does not list SOLUSD");
    expect(r.problems[0]!.message).toEndWith("; engine.symbols set by the environment variable ARGO__ENGINE__SYMBOLS__1");
  });

  test("the same problem written in the file names no variable, and a variable of another field is not named", async () => {
    const path = writeConfig(tmp.dir, "file-own.yaml", `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nrisk: { symbols: { ETHUSD: { maxPositionQuantity: 5 } } }\n`);
    const r = await validate(path, { ARGO__ENGINE__DATA_DIR: tmp.dir });
    expect(r.problems.map((p) => p.path)).toEqual(["risk.symbols.ETHUSD"]);
    expect(r.problems[0]!.message).not.toContain("ARGO__");
  });
});

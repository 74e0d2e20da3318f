import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-env-through-value-");
afterAll(() => tmp.cleanup());

const FILE = `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false, port: 8787 }\n`;

/** validate's exit code and its problems as { path, message }. */
async function validate(env: Record<string, string>) {
  const path = writeConfig(tmp.dir, "through.yaml", FILE);
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => ({ path: m[1]!, message: m[2]! }));
  return { code, problems };
}

describe("an ARGO__ path through a value the file sets is refused at that value, naming the variable", () => {
  // The file is valid alone: every problem below is the variable's.
  test("the file alone is valid", async () => {
    expect((await validate({})).code).toBe(0);
  });

  test("ARGO__ENGINE__INTERVAL__UNIT through `interval: 1m`", async () => {
    const r = await validate({ ARGO__ENGINE__INTERVAL__UNIT: "m" });
    expect(r.code).toBe(3);
    expect(r.problems).toEqual([{
      path: "engine.interval",
      message: "a value, not a section: ARGO__ENGINE__INTERVAL__UNIT sets a key inside it; set the value itself instead, e.g. ARGO__ENGINE__INTERVAL=…",
    }]);
  });

  test("ARGO__STATUS__PORT__VALUE through `port: 8787`", async () => {
    const r = await validate({ ARGO__STATUS__PORT__VALUE: "8080" });
    expect(r.code).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(["status.port"]);
    expect(r.problems[0]!.message).toContain("ARGO__STATUS__PORT__VALUE sets a key inside it");
  });

  test("a value another variable set is no section either: both variables are named", async () => {
    const r = await validate({ ARGO__ENGINE__INTERVAL: "5m", ARGO__ENGINE__INTERVAL__UNIT: "m" });
    expect(r.code).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(["engine.interval"]);
    expect(r.problems[0]!.message).toContain("ARGO__ENGINE__INTERVAL__UNIT sets a key inside it");
    expect(r.problems[0]!.message).toEndWith("; set by the environment variable ARGO__ENGINE__INTERVAL");
  });
});

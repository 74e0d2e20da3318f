// Which folder a path is relative to: one written in the config file, the file's folder; one typed on the command line,
// the working directory; one inside a --*-config flag's file, that file's folder (inline JSON: the working directory).
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMA_CROSS, tempDir } from "../__fixtures__/session-config.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// conf/ holds the config file, work/ is where the command runs: `argo backtest ../conf/c.yaml …` from work/.
const conf = join(tmp.dir, "conf");
const work = join(tmp.dir, "work");
const sub = join(work, "sub");
for (const dir of [conf, work, sub]) mkdirSync(dir);

/** The SMA example under another name, so the test can tell which file was loaded. */
function strategyCopy(dir: string, name: string): void {
  writeFileSync(join(dir, "sma.ts"), `import base from ${JSON.stringify(SMA_CROSS)};\nexport default { ...base, name: ${JSON.stringify(name)} };\n`);
}
strategyCopy(conf, "the-config-folder-copy");
strategyCopy(work, "the-working-directory-copy");

/** Forty daily bars from 2024-01-01. */
function dailyCsv(dir: string, name: string): void {
  const rows = Array.from({ length: 40 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},100,101,99,100.5,10`);
  writeFileSync(join(dir, name), ["time,open,high,low,close,volume", ...rows, ""].join("\n"));
}
// Each data file lies in one folder only: resolved from any other, it is not found.
dailyCsv(conf, "conf-bars.csv");
dailyCsv(work, "work-bars.csv");
dailyCsv(sub, "sub-bars.csv");
const replayFiles = (path: string) => ({ files: [{ path, symbol: "BTCUSD", interval: "1d" }] });
writeFileSync(join(sub, "mdc.json"), JSON.stringify(replayFiles("./sub-bars.csv")));

writeFileSync(join(conf, "c.yaml"), "engine: { symbols: [BTCUSD], interval: 1d }\nstrategy: { path: ./sma.ts }\n");
writeFileSync(
  join(conf, "replay.yaml"),
  "engine: { symbols: [BTCUSD], interval: 1d }\nstrategy: { path: ./sma.ts }\nmarket_data: { provider: replay, config: { files: [{ path: ./conf-bars.csv, symbol: BTCUSD, interval: 1d }] } }\n",
);

/** The validated session of `argo backtest <config> <flags>` run from work/ (the test fails with the issues if refused). */
async function sessionFromWork(config: string, flags: Record<string, string> = {}) {
  const outcome = await validateConfig(await buildRawConfig(config, flags, {}, work), { serveStatus: false });
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return outcome.session;
}

describe("the strategy path", () => {
  test("--strategy is relative to the working directory", async () => {
    expect((await sessionFromWork("../conf/c.yaml", { strategy: "./sma.ts" })).strategy.name).toBe("the-working-directory-copy");
  });

  test("strategy.path in the config file stays relative to the file's folder", async () => {
    expect((await sessionFromWork("../conf/c.yaml")).strategy.name).toBe("the-config-folder-copy");
  });
});

describe("replay files", () => {
  const replay = { "market-data-provider": "replay" };
  const baseDirOf = async (config: string, flags: Record<string, string> = {}) =>
    ((await sessionFromWork(config, flags)).marketData.config as { baseDir?: string }).baseDir;

  test("inside a --market-data-config file they are relative to that file's folder", async () => {
    expect(await baseDirOf("../conf/c.yaml", { ...replay, "market-data-config": "sub/mdc.json" })).toBe(sub);
  });

  test("in inline --market-data-config JSON they are relative to the working directory", async () => {
    expect(await baseDirOf("../conf/c.yaml", { ...replay, "market-data-config": JSON.stringify(replayFiles("./work-bars.csv")) })).toBe(work);
  });

  test("in the config file they stay relative to the file's folder", async () => {
    expect(await baseDirOf("../conf/replay.yaml")).toBe(conf);
  });
});

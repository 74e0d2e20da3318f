// A variable meant as a config override with its prefix misspelt (ARGO_ENGINE__SYMBOLS, one underscore; or
// argo__engine__symbols, lower case) was ignored silently: the session ran on the file's value. Now each is named in a
// warning at start, with the right prefix ARGO__, and never its value (it may be a secret). ARGO_ variables the runner
// reads itself (ARGO_CONFIRM_LIVE) and ones that do not look like an override are left alone.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { misspeltEnvNotices } from "./misspelt-env-notices.ts";

const tmp = tempDir("argo-misspelt-env-");
afterAll(() => tmp.cleanup());

const SECRET = "sk-live-do-not-print-4242";
/** The line said for `name` (written out by hand from the rule: the name, the right prefix, an example). */
const line = (name: string) =>
  `argo: environment variable ${name} is not read: a config override's name starts with ARGO__ (upper case, two underscores), then SECTION__KEY, as in ARGO__ENGINE__INTERVAL`;

const config = writeConfig(tmp.dir, "argo.yaml", [
  "engine: { symbols: [BTCUSD], interval: 1m }",
  "market_data: { provider: simulated, config: { bars: 30, seed: 3 } }",
  `strategy: { path: ${SMA_CROSS} }`,
  "status: { enabled: false }",
  "",
].join("\n"));

describe("misspeltEnvNotices: which names look meant as an override", () => {
  test("a section after one underscore, any case, or a __ further on: named; the rest: not", () => {
    const env = {
      ARGO_ENGINE__SYMBOLS: SECRET, // one underscore, then a section
      argo__engine__symbols: SECRET, // lower-case prefix
      Argo_Risk_Max_Order_Value: "1", // a section after ARGO_, mixed case
      ARGO_FOO__BAR: "1", // no section, but __ further on
      ARGO_CONFIRM_LIVE: "acct", // read by the runner itself
      ARGO_BENCH_ROUNDS: "3", // no section, no __
      ARGO_LOGGING: "1", // "log" only as the start of another word
      ARGO__ENGINE__INTERVAL: "1m", // spelt right
      HOME: "/root",
    };
    expect(misspeltEnvNotices(env).map((notice) => `argo: ${notice}`).sort()).toEqual(
      ["ARGO_ENGINE__SYMBOLS", "argo__engine__symbols", "Argo_Risk_Max_Order_Value", "ARGO_FOO__BAR"].map(line).sort(),
    );
  });
});

describe("a variable the config reads through ${NAME}", () => {
  test("is read, so never named: argo validate takes its value and says nothing (review)", async () => {
    const placeholder = writeConfig(tmp.dir, "placeholder.yaml", [
      "engine: { symbols: [BTCUSD], interval: 1m }",
      "market_data: { provider: simulated, config: { bars: 30, seed: 3 } }",
      "trading: { provider: paper, config: { initialCapital: \"${ARGO_TRADING_CAPITAL}\" } }",
      `strategy: { path: ${SMA_CROSS} }`,
      "status: { enabled: false }",
      "",
    ].join("\n"));
    const c = captureIo({ cwd: tmp.dir, env: { ARGO_TRADING_CAPITAL: "50000" } });
    expect(await main(["validate", placeholder], c.io)).toBe(0);
    expect(c.stderr()).toBe("");
    expect(misspeltEnvNotices({ ARGO_TRADING_CAPITAL: "1" }, new Set(["ARGO_TRADING_CAPITAL"]))).toEqual([]);
    expect(misspeltEnvNotices({ ARGO_TRADING_CAPITAL: "1" })).toHaveLength(1);
  });
});

describe("said at start, without the value", () => {
  test("argo validate: the warning on stderr, and the file's value is the one reported valid", async () => {
    const c = captureIo({ cwd: tmp.dir, env: { ARGO_ENGINE__SYMBOLS: SECRET } });
    expect(await main(["validate", config], c.io)).toBe(0);
    expect(c.stderr()).toBe(`${line("ARGO_ENGINE__SYMBOLS")}\n`);
    expect(c.stdout()).toContain("symbols       BTCUSD @ 1m");
    expect(c.all()).not.toContain(SECRET);
  });

  test("argo backtest: the warning before the run, which still runs on the file's value", async () => {
    const c = captureIo({ cwd: tmp.dir, env: { argo__engine__symbols: SECRET } });
    expect(await main(["backtest", config, "--output", join(tmp.dir, "out"), "--no-progress"], c.io)).toBe(0);
    expect(c.stderr().split("\n")[0]).toBe(line("argo__engine__symbols"));
    expect(c.all()).not.toContain(SECRET);
  });
});

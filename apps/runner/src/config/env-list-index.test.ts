import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { traceEnvOverrides } from "./env-overrides.ts";

// ARGO__ variables whose path goes through a list (engine.symbols, the replay provider's files): a part there is an
// item's index, into a copy of the list, and every problem it causes names it.

const tmp = tempDir("argo-env-list-");
afterAll(() => tmp.cleanup());

// Two small daily files the replay provider can check exist; their rows are never read by `validate`.
const CSV = ",Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n2024-01-03,1.5,2,1,1.8,100\n";
writeFileSync(join(tmp.dir, "GOOG.csv"), CSV);
writeFileSync(join(tmp.dir, "OTHER.csv"), CSV);
const GOOG_CSV = join(tmp.dir, "GOOG.csv");

// The hunt's ok.yaml, with the SMA example: valid without any variable.
const CONFIG = [
  "engine: { symbols: [GOOG], interval: 1d }",
  "market_data:",
  "  provider: replay",
  `  config: { files: [{ path: ${GOOG_CSV}, symbol: GOOG, interval: 1d }] }`,
  "trading: { provider: paper, config: { initialCapital: 10000 } }",
  `strategy: { path: ${SMA_CROSS} }`,
  "",
].join("\n");
// The item as the file writes it.
const FILE_ITEM = { path: GOOG_CSV, symbol: "GOOG", interval: "1d" };
const configPath = writeConfig(tmp.dir, "ok.yaml", CONFIG);

async function validate(env: Record<string, string>) {
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(["validate", configPath], c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => ({ path: m[1]!, message: m[2]! }));
  return { code, problems };
}

const loaded = async (env: Record<string, string>) => (await buildRawConfig(configPath, {}, env, tmp.dir)).raw as {
  engine: { symbols: unknown };
  market_data: { config: { files: unknown } };
};

describe("the hunt's two variables, which wiped the file's list (expected Array, received Object)", () => {
  test("ARGO__MARKET_DATA__CONFIG__FILES__0__PATH set to the same path leaves the config valid and the item whole", async () => {
    const env = { ARGO__MARKET_DATA__CONFIG__FILES__0__PATH: GOOG_CSV };
    expect(await validate(env)).toEqual({ code: 0, problems: [] });
    expect((await loaded(env)).market_data.config.files).toEqual([FILE_ITEM]);
  });

  test("ARGO__ENGINE__SYMBOLS__0=GOOG leaves the config valid and the list a list", async () => {
    const env = { ARGO__ENGINE__SYMBOLS__0: "GOOG" };
    expect(await validate(env)).toEqual({ code: 0, problems: [] });
    expect((await loaded(env)).engine.symbols).toEqual(["GOOG"]);
  });

  test("another path changes only that field of the item; the next index adds an item", async () => {
    const other = join(tmp.dir, "OTHER.csv");
    expect((await loaded({ ARGO__MARKET_DATA__CONFIG__FILES__0__PATH: other })).market_data.config.files).toEqual([{ ...FILE_ITEM, path: other }]);
    expect((await loaded({ ARGO__ENGINE__SYMBOLS__1: "MSFT" })).engine.symbols).toEqual(["GOOG", "MSFT"]);
  });
});

describe("every problem such a variable causes names it", () => {
  test("an index past the next one is refused at the list, the file's list kept", async () => {
    const r = await validate({ ARGO__ENGINE__SYMBOLS__2: "MSFT" });
    expect(r.code).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(["engine.symbols"]);
    // The list has 1 item: 0 changes it, 1 adds one; 2 would leave a hole.
    expect(r.problems[0]!.message).toContain("ARGO__ENGINE__SYMBOLS__2");
    expect(r.problems[0]!.message).toContain("1 adds one");
    expect(r.problems[0]!.message).toContain("ARGO__ENGINE__SYMBOLS='[…]'");
    expect((await loaded({ ARGO__ENGINE__SYMBOLS__2: "MSFT" })).engine.symbols).toEqual(["GOOG"]);
  });

  test("a field name where the index belongs is refused, suggesting the index", async () => {
    const r = await validate({ ARGO__MARKET_DATA__CONFIG__FILES__PATH: GOOG_CSV });
    expect(r.problems.map((p) => p.path)).toEqual(["market_data.config.files"]);
    expect(r.problems[0]!.message).toContain("ARGO__MARKET_DATA__CONFIG__FILES__PATH");
    expect(r.problems[0]!.message).toContain("ARGO__MARKET_DATA__CONFIG__FILES__0__PATH");
  });

  test("a bad value in an item, a list it spoils, an item it leaves half made", async () => {
    const missing = await validate({ ARGO__MARKET_DATA__CONFIG__FILES__0__PATH: "no-such.csv" });
    expect(missing.problems.map((p) => p.path)).toEqual(["market_data.config.files.0.path"]);
    expect(missing.problems[0]!.message).toContain("ARGO__MARKET_DATA__CONFIG__FILES__0__PATH");
    // [GOOG] with GOOG added again names a symbol twice: the list's problem, an item of which the variable set.
    const twice = await validate({ ARGO__ENGINE__SYMBOLS__1: "GOOG" });
    expect(twice.problems.map((p) => p.path)).toEqual(["engine.symbols"]);
    expect(twice.problems[0]!.message).toContain("ARGO__ENGINE__SYMBOLS__1");
    // A new item with only a path lacks its symbol and interval, both the variable's doing.
    const half = await validate({ ARGO__MARKET_DATA__CONFIG__FILES__1__PATH: GOOG_CSV });
    expect(half.problems.map((p) => p.path).sort()).toEqual(["market_data.config.files.1.interval", "market_data.config.files.1.symbol"]);
    for (const p of half.problems) expect(p.message).toContain("ARGO__MARKET_DATA__CONFIG__FILES__1__PATH");
  });
});

describe("traceEnvOverrides through lists", () => {
  test("changes a copy of the list, never the caller's, and says which parts were items", () => {
    const config = { engine: { symbols: ["A", "B"] } };
    const { config: out, overrides } = traceEnvOverrides(config, { ARGO__ENGINE__SYMBOLS__1: "C" });
    expect(out).toEqual({ engine: { symbols: ["A", "C"] } });
    expect(config.engine.symbols).toEqual(["A", "B"]);
    // keys engine, symbols, 1: the item is keys[2], the list keys[0..2); the file had the whole path (createdFrom 3).
    expect(overrides).toEqual([{ variable: "ARGO__ENGINE__SYMBOLS__1", keys: ["engine", "symbols", "1"], createdFrom: 3, items: [2] }]);
  });

  test("items are added in numeric order: __9 before __10", () => {
    const nine = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"];
    const { config: out, overrides } = traceEnvOverrides({ list: nine }, { ARGO__LIST__10: "s10", ARGO__LIST__9: "s9" });
    expect(out).toEqual({ list: [...nine, "s9", "s10"] });
    expect(overrides.every((o) => o.refused === undefined)).toBe(true);
  });

  test("a refused variable changes nothing and ends its keys at the list", () => {
    const { config: out, overrides } = traceEnvOverrides({ list: [{ a: 1 }] }, { ARGO__LIST__3__A: "2" });
    expect(out).toEqual({ list: [{ a: 1 }] });
    expect(overrides[0]!.keys).toEqual(["list"]);
    expect(overrides[0]!.refused).toContain("ARGO__LIST__3__A");
  });
});

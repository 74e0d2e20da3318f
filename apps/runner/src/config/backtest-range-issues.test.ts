// Market data whose bars all fall outside backtest.from/to validated, then the backtest stopped with "no bars" (exit 1).
// The runner now hands the range to the providers' session checks: `argo validate` and `argo backtest` refuse it first
// (exit 3), naming the provider's bars and the range; `argo run`, which replays no range, is not refused for it. Bar
// times are worked out by hand: 10 daily simulated bars from 2024-01-01 open 2024-01-01 to 2024-01-10; the replay
// files' rows are written below.
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-simulated-range-");
afterAll(() => tmp.cleanup());

/** A backtest config: 10 daily simulated bars from 2024-01-01, over the range `backtest`. */
function config(name: string, backtest: Record<string, string>) {
  return {
    engine: { symbols: ["BTCUSD"], interval: "1d" },
    market_data: { provider: "simulated", config: { startTime: "2024-01-01", bars: 10 } },
    strategy: { path: SMA_CROSS },
    status: { enabled: false },
    backtest: { ...backtest, output_dir: join(tmp.dir, name, "out") },
  };
}

describe("through the CLI", () => {
  test.each(["validate", "backtest"])("argo %s: exit 3 at backtest before anything runs", async (command) => {
    const path = writeConfig(tmp.dir, `${command}.json`, config(command, { from: "2025-01-01", to: "2025-02-01" }));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main([command, path, ...(command === "backtest" ? ["--no-progress"] : [])], c.io)).toBe(3);
    expect(c.stderr()).toStartWith(`${path}: 1 problem\n  ✗ market_data.config.startTime: the simulated market data's 10 bars of 1d from startTime 2024-01-01T00:00:00.000Z`);
    expect(c.stdout()).toBe("");
  });

  test("--from on the command line is judged as the file's backtest.from", async () => {
    const path = writeConfig(tmp.dir, "flag.json", config("flag", {}));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main(["backtest", path, "--from", "2024-02-01", "--no-progress"], c.io)).toBe(3);
    expect(c.stderr()).toContain("all before 2024-02-01");
  });

  test("argo run's validation does not judge the backtest range", async () => {
    const outcome = await validateConfig({ raw: config("run", { from: "2025-01-01" }), baseDir: tmp.dir, cwd: tmp.dir }, { backtest: false, serveStatus: false });
    expect(outcome.ok ? "valid" : outcome.issues).toBe("valid");
  });
});

/** A replay config over `file` (written from `rows`, daily bars), for the range `backtest`. */
function replayConfig(name: string, rows: string[], backtest: Record<string, string>) {
  writeFileSync(join(tmp.dir, `${name}.csv`), ["date,open,high,low,close,volume", ...rows].join("\n") + "\n");
  return {
    ...config(name, backtest),
    market_data: { provider: "replay", config: { baseDir: tmp.dir, files: [{ path: `${name}.csv`, symbol: "BTCUSD", interval: "1d" }] } },
  };
}

/** `n` daily rows from 2024-01-01 (prices made up, valid candles). */
const daily = (n: number) => Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},100,101,99,100,10`);

describe("replay files through the CLI", () => {
  test("a file whose rows all come before backtest.from: validate and backtest exit 3 at its path, naming its first and last bar", async () => {
    const path = writeConfig(tmp.dir, "replay-before.json", replayConfig("before", daily(3), { from: "2030-01-01" }));
    for (const command of ["validate", "backtest"]) {
      const c = captureIo({ cwd: tmp.dir });
      expect(await main([command, path, ...(command === "backtest" ? ["--no-progress"] : [])], c.io)).toBe(3);
      // Three daily rows from 2024-01-01 open 01-01 to 01-03.
      expect(c.stderr()).toContain(`✗ market_data.config.files.0.path: "before.csv" (BTCUSD) holds bars opening 2024-01-01T00:00:00.000Z to 2024-01-03T00:00:00.000Z, `
        + "outside the backtest range [2030-01-01, end), all before 2030-01-01: a backtest would have no bars");
    }
  });

  test("a range between two of a short file's bars is found (the file is read whole); one holding a bar passes", async () => {
    // Daily bars with a gap (a halt in trading): 01-01, 01-02, 01-10; the range 01-04 to 01-08 holds none of them.
    const gapped = ["2024-01-01", "2024-01-02", "2024-01-10"].map((d) => `${d},100,101,99,100,10`);
    const between = await validateConfig({ raw: replayConfig("gapped", gapped, { from: "2024-01-04", to: "2024-01-08" }), baseDir: tmp.dir, cwd: tmp.dir }, { serveStatus: false });
    expect(between.ok ? "valid" : between.issues.map((issue) => issue.message).join("; ")).toContain("none opening within it (it falls between two bars)");
    const holding = await validateConfig({ raw: replayConfig("holding", daily(3), { from: "2024-01-03" }), baseDir: tmp.dir, cwd: tmp.dir }, { serveStatus: false });
    expect(holding.ok ? "valid" : holding.issues).toBe("valid");
  });

  test("a long file is judged by its first and last row: rows after `to` are found from its tail", async () => {
    // 2,000 daily rows (more than the head's sample) from 2024-01-01; a range ending at 2023-12-31 misses them all.
    const path = writeConfig(tmp.dir, "replay-long.json", replayConfig("long", daily(2000), { to: "2023-12-31" }));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main(["validate", path], c.io)).toBe(3);
    // The last of 2,000 days from 2024-01-01 is 1,999 days on: 2029-06-22.
    expect(c.stderr()).toContain("holds bars opening 2024-01-01T00:00:00.000Z to 2029-06-22T00:00:00.000Z, outside the backtest range [start, 2023-12-31), all from 2023-12-31 on");
  });

  test("rows newest first are refused at the file's path before the backtest starts", async () => {
    const path = writeConfig(tmp.dir, "replay-desc.json", replayConfig("desc", daily(5).reverse(), {}));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main(["validate", path], c.io)).toBe(3);
    expect(c.stderr()).toContain(`✗ market_data.config.files.0.path: "desc.csv" (BTCUSD) has its rows newest first (4 of its first 5 rows come before the row above them)`);
  });
});

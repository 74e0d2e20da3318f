// Simulated market data whose bars all fall outside backtest.from/to validated, then the backtest stopped with "no bars"
// (exit 1). `argo validate` and `argo backtest` now refuse it first (exit 3) at `backtest`, naming the provider's start,
// bars and interval and the range; `argo run`, which replays no range, is not refused for it. Bar times are worked out
// by hand: 10 daily bars from 2024-01-01 open 2024-01-01 to 2024-01-10.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { simulatedRangeIssues } from "./simulated-range-issues.ts";
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

const DAY = 86_400_000;
const JAN1 = Date.UTC(2024, 0, 1);

describe("simulatedRangeIssues", () => {
  test("every bar before the range: named with start, bars, interval, first and last bar and the range", () => {
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 10 }, "1d", { from: "2025-01-01", to: "2025-02-01" })).toEqual([{
      path: "backtest",
      message: "the simulated market data's 10 bars of 1d from startTime 2024-01-01T00:00:00.000Z (opening 2024-01-01T00:00:00.000Z to "
        + "2024-01-10T00:00:00.000Z) fall outside the backtest range [2025-01-01, 2025-02-01), all before 2025-01-01: a backtest would have "
        + "no bars; set market_data.config.startTime or bars, or backtest.from / backtest.to, so that they meet",
    }]);
  });

  test("every bar at or after `to` (exclusive): 'all from <to> on'", () => {
    const [issue] = simulatedRangeIssues({ startTime: JAN1, bars: 10 }, "1d", { to: "2024-01-01" });
    expect(issue?.message).toContain("fall outside the backtest range [start, 2024-01-01), all from 2024-01-01 on:");
  });

  test("a range between two weekly bars has none; the last bar's day, the first's, or an open range has one", () => {
    // Weekly bars from Monday 2024-01-01: 01-01, 01-08, 01-15; 01-02..01-08 holds none of them (01-08 is excluded).
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 3 }, "1w", { from: "2024-01-02", to: "2024-01-08" })[0]?.message).toContain("it falls between two bars");
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 3 }, "1w", { from: "2024-01-15" })).toEqual([]);
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 10 }, "1d", { from: "2023-01-01", to: "2024-01-02" })).toEqual([]);
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 10 }, "1d", {})).toEqual([]);
    // Ten daily bars end on 01-10: a range from 01-11 misses, one from 01-10 holds the last.
    expect(simulatedRangeIssues({ startTime: JAN1 + 0 * DAY, bars: 10 }, "1d", { from: "2024-01-11" })).toHaveLength(1);
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 10 }, "1d", { from: "2024-01-10" })).toEqual([]);
  });

  test("monthly bars are stepped by calendar month: 3 from 2024-01-01 open Jan, Feb, Mar 1st", () => {
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 3 }, "1M", { from: "2024-03-01" })).toEqual([]);
    expect(simulatedRangeIssues({ startTime: JAN1, bars: 3 }, "1M", { from: "2024-03-02" })[0]?.message).toContain("(opening 2024-01-01T00:00:00.000Z to 2024-03-01T00:00:00.000Z)");
  });
});

describe("through the CLI", () => {
  test.each(["validate", "backtest"])("argo %s: exit 3 at backtest before anything runs", async (command) => {
    const path = writeConfig(tmp.dir, `${command}.json`, config(command, { from: "2025-01-01", to: "2025-02-01" }));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main([command, path, ...(command === "backtest" ? ["--no-progress"] : [])], c.io)).toBe(3);
    expect(c.stderr()).toStartWith(`${path}: 1 problem\n  ✗ backtest: the simulated market data's 10 bars of 1d from startTime 2024-01-01T00:00:00.000Z`);
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

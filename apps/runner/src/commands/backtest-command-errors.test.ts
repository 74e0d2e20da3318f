// `argo backtest` when something is wrong: a missing data file, a CSV with a bad row, an output path that cannot be a
// folder, a strategy that throws, a range without bars. Clear messages naming the problem, stable exit codes, and
// no results folder written (or overwritten) by a run that failed.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { spawnCli } from "../__fixtures__/spawn-cli.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// The header and the first 120 GOOG days: enough for SMA 5/20 to trade, fast to replay.
const GOOG = readFileSync(join(import.meta.dir, "../../../../../shared/reference/data/GOOG.csv"), "utf8").trim().split("\n").slice(0, 121);

function csv(name: string, lines: readonly string[]): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const GOOD_CSV = csv("goog-120.csv", GOOG);

function config(dataPath: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    engine: { symbols: ["GOOG"], interval: "1d" },
    market_data: { provider: "replay", config: { files: [{ path: dataPath, symbol: "GOOG", interval: "1d" }] } },
    trading: { provider: "paper", config: { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } } },
    strategy: { path: SMA_CROSS, config: { fast: 5, slow: 20 } },
    log: { level: "warn", format: "json" },
    ...over,
  };
}

let configs = 0;
async function backtest(cfg: Record<string, unknown>, output: string, ...extra: string[]) {
  const path = writeConfig(tmp.dir, `config-${++configs}.json`, cfg);
  const c = captureIo({ cwd: tmp.dir });
  const code = await main(["backtest", path, "--no-progress", "--output", output, ...extra], c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

describe("bad data", () => {
  test("a data file that does not exist: exit 3, the path and the field named, no results folder", async () => {
    const missing = join(tmp.dir, "no-such.csv");
    const output = join(tmp.dir, "out-missing");
    const r = await backtest(config(missing), output);
    expect(r.code).toBe(3);
    expect(r.err).toContain("files.0.path");
    expect(r.err).toContain(missing);
    expect(existsSync(output)).toBe(false);
  });

  test("a CSV with a bad row: exit 1, file, line and field named; nothing written", async () => {
    const lines = [...GOOG];
    lines[60] = "2004-11-12,abc,190,180,185,1000";
    const output = join(tmp.dir, "out-bad-row");
    const r = await backtest(config(csv("bad-row.csv", lines)), output);
    expect(r.code).toBe(1);
    expect(r.err).toContain("bad-row.csv line 61");
    expect(r.err).toContain('"open"');
    expect(r.out).toBe("");
    expect(existsSync(output)).toBe(false);
  });

  test("a CSV with a bad row does not touch an earlier run's results folder", async () => {
    const output = join(tmp.dir, "out-earlier");
    expect((await backtest(config(GOOD_CSV), output)).code).toBe(0);
    const before = Object.fromEntries(readdirSync(output).map((f) => [f, readFileSync(join(output, f), "utf8")]));
    const lines = [...GOOG];
    lines[100] = "2005-01-12,195,190,180,185,1000"; // high below open
    const r = await backtest(config(csv("bad-candle.csv", lines)), output);
    expect(r.code).toBe(1);
    expect(r.err).toContain("bad-candle.csv line 101");
    expect(r.err).toContain('"high"');
    const after = Object.fromEntries(readdirSync(output).map((f) => [f, readFileSync(join(output, f), "utf8")]));
    expect(after).toEqual(before);
  });

  test("a range without bars: refused before the run (exit 3), the file's first and last bar and the range named", async () => {
    const r = await backtest(config(GOOD_CSV), join(tmp.dir, "out-empty"), "--from", "2030-01-01");
    expect(r.code).toBe(3);
    // The header and first 120 GOOG rows: lines 2 to 121 of GOOG.csv, 2004-08-19 to 2005-02-08.
    expect(r.err).toContain(`"${GOOD_CSV}" (GOOG) holds bars opening 2004-08-19T00:00:00.000Z to 2005-02-08T00:00:00.000Z, outside the backtest range [2030-01-01, end)`);
    expect(existsSync(join(tmp.dir, "out-empty"))).toBe(false);
  });

  test("daily bars configured as hourly: refused before the run (exit 3), the file's interval named, nothing written", async () => {
    const hourly = config(GOOD_CSV, {
      engine: { symbols: ["GOOG"], interval: "1h" },
      market_data: { provider: "replay", config: { files: [{ path: GOOD_CSV, symbol: "GOOG", interval: "1h" }] } },
    });
    const output = join(tmp.dir, "out-spacing");
    const r = await backtest(hourly, output);
    expect(r.code).toBe(3);
    expect(r.err).toContain("market_data.config.files.0.interval");
    expect(r.err).toContain(`"${GOOD_CSV}" (GOOG) has no two bars closer than 1d in its first 120 rows`);
    expect(r.out).toBe("");
    expect(existsSync(output)).toBe(false);
  });
});

describe("the output folder", () => {
  test("an existing folder: every results file replaced, other files left alone", async () => {
    const output = join(tmp.dir, "out-existing");
    mkdirSync(output);
    for (const name of ["stats.json", "trades.csv", "equity.csv", "open-trades.csv", "report.html"]) writeFileSync(join(output, name), "stale");
    writeFileSync(join(output, "notes.txt"), "mine");
    const r = await backtest(config(GOOD_CSV), output);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(output, "stats.json"), "utf8")).start).toBe(Date.parse("2004-08-19T00:00:00Z"));
    expect(readFileSync(join(output, "equity.csv"), "utf8").trim().split("\n")).toHaveLength(121);
    for (const name of ["trades.csv", "open-trades.csv", "report.html"]) expect(readFileSync(join(output, name), "utf8")).not.toBe("stale");
    expect(readFileSync(join(output, "notes.txt"), "utf8")).toBe("mine");
  });

  test("a path that is a file: exit 3 before the run, naming backtest.output_dir and the path; the file untouched", async () => {
    const file = join(tmp.dir, "a-file");
    writeFileSync(file, "keep me");
    const r = await backtest(config(GOOD_CSV), file);
    expect(r.code).toBe(3);
    expect(r.err).toContain("backtest.output_dir");
    expect(r.err).toContain(file);
    expect(r.err).toContain("not a folder");
    expect(r.out).toBe("");
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  test("a path inside a file: exit 3 before the run (a bad data file behind it is not even read)", async () => {
    const file = join(tmp.dir, "another-file");
    writeFileSync(file, "x");
    const lines = [...GOOG];
    lines[10] = "2004-09-02,abc,1,1,1,1";
    const r = await backtest(config(csv("bad-behind.csv", lines)), join(file, "results"));
    expect(r.code).toBe(3);
    expect(r.err).toContain("backtest.output_dir");
    expect(r.err).toContain(file);
    expect(r.err).not.toContain("line 11");
  });
});

// Strategies are plain objects in temp files (no package imports from there); valibot by absolute path.
const valibot = Bun.resolveSync("valibot", import.meta.dir);

describe("a strategy that throws", () => {
  const thrower = join(tmp.dir, "thrower.ts");
  writeFileSync(
    thrower,
    `import * as v from ${JSON.stringify(valibot)};\n` +
      `export default { name: "thrower", config: v.object({}), onBar(bar) { if (new Date(bar.openTime).getUTCDate() === 1) throw new Error("kaboom on the 1st"); } };\n`,
  );
  // Days of the month 1 among the 120 bars: Sept, Oct, Nov, Dec 2004 and Feb 2005 (Jan 1 is a holiday).
  const firsts = GOOG.slice(1).filter((line) => line.slice(8, 10) === "01").length;

  test("runs to the end, exit 0, each failure logged with its bar, the count in the summary", async () => {
    expect(firsts).toBeGreaterThan(2);
    const r = await backtest(config(GOOD_CSV, { strategy: { path: thrower } }), join(tmp.dir, "out-thrower"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("backtest completed: thrower on GOOG @ 1d, 120 bars");
    const logged = r.err.split("\n").filter((line) => line.includes("kaboom on the 1st"));
    expect(logged).toHaveLength(firsts);
    expect(logged.every((line) => line.includes('"level":"error"') || line.includes('"level":50'))).toBe(true);
    expect(r.out).toContain(`strategy errors: ${firsts}`);
  });

  test("a clean run prints no strategy-error line and logs nothing", async () => {
    const r = await backtest(config(GOOD_CSV), join(tmp.dir, "out-clean"));
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("strategy errors");
    expect(r.err).toBe("");
  });
});

describe("warnings", () => {
  // Throws on the first bar (a problem), and on the last of the 120 bars (2005-02-08) places two limit buys far below
  // the market: the final pass (closeAtEnd "last-open") cancels them unfilled.
  const late = join(tmp.dir, "late.ts");
  // A second copy for a second run: a module is loaded once per process, and its count would go on from the first run.
  const lateAgain = join(tmp.dir, "late-again.ts");
  const lateThird = join(tmp.dir, "late-third.ts");
  for (const path of [late, lateAgain, lateThird]) writeFileSync(
    path,
    `import * as v from ${JSON.stringify(valibot)};\nlet n = 0;\n` +
      `export default { name: "late", config: v.object({}), async onBar(bar, ctx) {\n` +
      `  if (++n === 1) throw new Error("first bar");\n` +
      `  if (bar.openTime === Date.UTC(2005, 1, 8)) for (const id of ["dip-1", "dip-2"]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 100, clientOrderId: id });\n} };\n`,
  );
  const warning = '2 orders still working after the last bar never filled: closeAtEnd "last-open" cancelled them (dip-1, dip-2)';

  test("each warning on its own line after the problems line, logged once at warn level, and in run.json", async () => {
    expect(GOOG[120]!.startsWith("2005-02-08,")).toBe(true);
    const output = join(tmp.dir, "out-late");
    const r = await backtest(config(GOOD_CSV, { strategy: { path: late } }), output);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const head = lines.indexOf("backtest completed: late on GOOG @ 1d, 120 bars");
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines.slice(head + 1, head + 3)).toEqual(["  warning: strategy errors: 1 (see the log)", `  warning: ${warning}`]);
    // JSON log lines (the quotes in the sentence are escaped there): the warning once, at pino's warn level (40).
    const logged = r.err.trim().split("\n").map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => entry.msg === warning);
    expect(logged.map((entry) => entry.level)).toEqual([40]);
    const run = JSON.parse(readFileSync(join(output, "run.json"), "utf8"));
    expect([run.status, run.bars, run.strategyErrors, run.warnings]).toEqual(["completed", 120, 1, [warning]]);
    expect(lines).toContain(`  ${join(output, "run.json")}`);
  });

  test("at --log-level silent the problems line does not send the reader to a log that leaves them out (new-user hunt)", async () => {
    const r = await backtest(config(GOOD_CSV, { strategy: { path: lateAgain } }), join(tmp.dir, "out-silent"), "--log-level", "silent");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("  warning: strategy errors: 1 (the log at level silent leaves them out: run with --log-level warn to see them)");
  });

  test("at --log-level error a strategy error is in the log (logged at error level): the line says to see it (docs hunt)", async () => {
    const r = await backtest(config(GOOD_CSV, { strategy: { path: lateThird } }), join(tmp.dir, "out-error-level"), "--log-level", "error");
    expect(r.code).toBe(0);
    expect(r.err).toContain("strategy error");
    expect(r.out).toContain("  warning: strategy errors: 1 (see the log)");
  });

  test("a clean run prints no warning line", async () => {
    const r = await backtest(config(GOOD_CSV), join(tmp.dir, "out-clean-2"));
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("warning:");
  });
});

test("SIGINT mid-run: exit 1, the summary says aborted after the bars seen, the open position in open-trades.csv", async () => {
  // The strategy buys on its 3rd bar and interrupts its own process on the 50th, then waits for the handler to abort.
  const killer = join(tmp.dir, "killer.ts");
  writeFileSync(
    killer,
    `import * as v from ${JSON.stringify(valibot)};\nlet n = 0;\n` +
      `export default { name: "killer", config: v.object({}), async onBar(bar, ctx) {\n` +
      `  if (++n === 3) await ctx.placeOrder({ side: "BUY", quantity: 10 });\n` +
      `  if (n === 50) { process.kill(process.pid, "SIGINT"); await Bun.sleep(50); }\n} };\n`,
  );
  const path = writeConfig(tmp.dir, "killer.json", config(GOOD_CSV, { strategy: { path: killer } }));
  const output = join(tmp.dir, "out-killed");
  const cli = spawnCli(["backtest", path, "--no-progress", "--output", output]);
  try {
    expect(await cli.exited).toBe(1);
  } finally {
    cli.kill();
  }
  expect(cli.stdout()).toContain("backtest aborted: killer on GOOG @ 1d, 50 bars");
  expect(readFileSync(join(output, "equity.csv"), "utf8").trim().split("\n")).toHaveLength(51);
  // Bought at the 4th bar's open (2004-08-24), never closed: an aborted run closes nothing.
  const open = readFileSync(join(output, "open-trades.csv"), "utf8").trim().split("\n");
  expect(open).toHaveLength(2);
  expect(open[1]).toStartWith(`GOOG,10,2004-08-24T00:00:00.000Z,${GOOG[4]!.split(",")[1]}`);
  expect(readFileSync(join(output, "trades.csv"), "utf8").trim().split("\n")).toHaveLength(1);
  // The folder says so too: aborted by the signal's reason after 50 bars, the 50th on 2004-10-28.
  const run = JSON.parse(readFileSync(join(output, "run.json"), "utf8"));
  expect([run.status, run.abortReason, run.bars, run.lastBarTime]).toEqual(["aborted", "SIGINT", 50, `${GOOG[50]!.split(",")[0]}T00:00:00.000Z`]);
}, 20_000);

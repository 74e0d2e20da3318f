// run.json and the report's notice, through runBacktest and writeBacktestResults: a clean run (no notice), a run with
// problems and a warning, and runs aborted mid-way by an AbortSignal (status, reason as text, the bars seen).
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBacktestResults } from "./backtest-report.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-run-file-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Six days of X: open 100 + d, close 101 + d.
const X = Array.from({ length: 6 }, (_, d) => bar("X", d, 100 + d, 103 + d, 98 + d, 101 + d));
const day = (d: number) => new Date(T0 + d * DAY).toISOString();

let runs = 0;
/** Writes the results folder of `result` and reads back run.json (parsed), report.html and the files written. */
async function written(result: Awaited<ReturnType<typeof backtest>>) {
  const dir = join(folder, `run-${++runs}`);
  const files = await writeBacktestResults(dir, result);
  return { files, run: JSON.parse(readFileSync(join(dir, "run.json"), "utf8")), html: readFileSync(join(dir, "report.html"), "utf8") };
}

/** What run.json holds for a complete run of X over the six days, before the case's own fields. */
const COMPLETE = {
  status: "completed", bars: 6, symbols: ["X"], interval: "1d", benchmarkSymbol: "X", closeAtEnd: "last-open",
  firstBarTime: day(0), lastBarTime: day(5), strategyErrors: 0, ordersRejected: 0, errors: 0, tradingState: "ACTIVE", warnings: [],
};

test("a clean run: run.json says completed with zero counters and no warnings; the report has no notice", async () => {
  const clean = strategy({
    async onBar(b, ctx) {
      if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
    },
  });
  const { files, run, html } = await written(await backtest(X, clean));
  expect(files.run).toBe(join(folder, `run-${runs}`, "run.json"));
  expect(run).toEqual(COMPLETE);
  expect("abortReason" in run).toBe(false);
  // Not a word of it, not even its style (a failure would print the whole page: a boolean says enough).
  expect(html.includes("argo-notice")).toBe(false);
  // stats.json keeps its shape: the statistics object alone.
  expect(Object.keys(JSON.parse(readFileSync(files.stats, "utf8")))).toContain("equityFinal");
  expect(JSON.parse(readFileSync(files.stats, "utf8")).status).toBeUndefined();
});

test("a run with problems and a warning: counted in run.json, each shown in the report's notice", async () => {
  // Day 1 throws; day 2 asks for 10 where the risk limit allows 5 (refused); the last day leaves a limit working.
  const troubled = strategy({
    async onBar(b, ctx) {
      if (b.openTime === T0 + DAY) throw new Error("bad day");
      if (b.openTime === T0 + 2 * DAY) await ctx.placeOrder({ side: "BUY", quantity: 10 });
      if (b.openTime === T0 + 5 * DAY) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "dip<1>" });
    },
  });
  const result = await backtest(X, troubled, { engine: { risk: { maxPositionQuantity: 5 } } });
  const { run, html } = await written(result);
  const warning = '1 order still working after the last bar never filled: closeAtEnd "last-open" cancelled it (dip<1>)';
  expect(run).toEqual({ ...COMPLETE, strategyErrors: 1, ordersRejected: 1, warnings: [warning] });
  expect(html).toContain('<div id="argo-notice"');
  expect(html).toContain("strategy errors: 1, orders refused: 1");
  // The client id comes from the strategy: escaped in the page.
  expect(html).toContain("cancelled it (dip&lt;1&gt;)");
  expect(html.includes("dip<1>")).toBe(false);
});

describe("aborted by an AbortSignal while the 4th of 6 bars is processed", () => {
  /** Runs X with a strategy holding 10 from day 1, aborted with `reason` on the 4th bar. */
  async function abortedWith(reason: unknown) {
    const controller = new AbortController();
    let n = 0;
    const hold = strategy({
      async onBar(b, ctx) {
        if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
      },
    });
    const result = await backtest(X, hold, { signal: controller.signal, callbacks: { onMarketData: () => void (++n === 4 && controller.abort(reason)) } });
    expect(result.status).toBe("aborted");
    return written(result);
  }

  test("run.json: status aborted, the Error's message as abortReason, 4 bars from day 0 to day 3", async () => {
    const { run } = await abortedWith(new Error("stopped <by> the user & co"));
    expect(run).toEqual({ ...COMPLETE, status: "aborted", abortReason: "stopped <by> the user & co", bars: 4, lastBarTime: day(3) });
  });

  test("the report's notice says aborted after 4 bars, with the reason escaped", async () => {
    const { html } = await abortedWith(new Error("stopped <by> the user & co"));
    expect(html).toContain("This backtest was aborted");
    expect(html).toContain("Aborted after 4 bars: stopped &lt;by&gt; the user &amp; co.");
    expect(html.includes("stopped <by>")).toBe(false);
  });

  test("a reason that is not an Error is written as text: a string as is, an object as String(object), never a dump", async () => {
    expect((await abortedWith("user stop")).run.abortReason).toBe("user stop");
    expect((await abortedWith({ secretish: "x" })).run.abortReason).toBe("[object Object]");
    expect((await abortedWith(Object.create(null))).run.abortReason).toBe("[object Object]");
  });
});

import { describe, expect, test } from "bun:test";
import { ProgressBar, resolveProgress } from "./progress-bar.ts";

function bar(isTTY: boolean, intervalMs = 200) {
  let now = 0;
  const lines: string[] = [];
  const progress = new ProgressBar({ stream: { write: (t: string) => lines.push(t), isTTY }, intervalMs, width: 10 }, () => now);
  return { progress, lines, advance: (ms: number) => void (now += ms) };
}

describe("ProgressBar", () => {
  test("renders the share of the range, the bars and the rate", () => {
    const { progress } = bar(true);
    expect(progress.render({ bars: 1_500_000, fraction: 0.456 }, 500)).toBe("backtest [#####-----]  45% 1,500,000 bars, 3.00M bars/s");
    expect(progress.render({ bars: 2_000, fraction: undefined }, 1_000)).toBe("backtest 2,000 bars, 2.0k bars/s");
  });

  test("redraws at most every intervalMs and only when the percentage moved", () => {
    const { progress, lines, advance } = bar(true);
    progress.update({ bars: 1, fraction: 0.001 }); // first draw
    progress.update({ bars: 2, fraction: 0.5 }); // too soon
    advance(250);
    progress.update({ bars: 3, fraction: 0.001 }); // same percent as drawn
    progress.update({ bars: 4, fraction: 0.02 }); // moved: drawn
    advance(100);
    progress.update({ bars: 5, fraction: 0.9 }); // too soon
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("2% 4 bars");
  });

  test("on a terminal it redraws in place and ends the line when finished; elsewhere it writes whole lines", () => {
    const tty = bar(true);
    tty.progress.update({ bars: 1, fraction: 0 });
    tty.progress.finish({ bars: 10, fraction: 1 });
    expect(tty.lines.map((l) => [l.startsWith("\r"), l.endsWith("\n")])).toEqual([[true, false], [true, true]]);
    const file = bar(false);
    file.progress.finish({ bars: 10, fraction: 1 });
    expect(file.lines).toEqual(["backtest [##########] 100% 10 bars, 0 bars/s\n"]);
  });

  test("end() ends a terminal line left open, once; after finish, or off a terminal, it writes nothing", () => {
    const open = bar(true);
    open.progress.update({ bars: 1, fraction: 0.1 });
    open.progress.end();
    open.progress.end();
    expect(open.lines.slice(1)).toEqual(["\n"]);
    const finished = bar(true);
    finished.progress.finish({ bars: 10, fraction: 1 });
    finished.progress.end();
    expect(finished.lines).toHaveLength(1);
    const file = bar(false);
    file.progress.update({ bars: 1, fraction: 0.1 });
    file.progress.end();
    expect(file.lines).toEqual(["backtest [#---------]  10% 1 bars, 0 bars/s\n"]);
  });

  test("resolveProgress: off unless asked; true and options turn it on", () => {
    expect(resolveProgress(undefined)).toBeUndefined();
    expect(resolveProgress(false)).toBeUndefined();
    expect(resolveProgress(true)).toEqual({});
    expect(resolveProgress({ intervalMs: 5 })).toEqual({ intervalMs: 5 });
    expect(resolveProgress("auto")).toEqual(process.stderr.isTTY ? {} : undefined);
  });
});

import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "./exit-codes.ts";
import { HELP } from "./help-text.ts";

const README = readFileSync(join(import.meta.dir, "../../../../README.md"), "utf8");

/** The paragraph of `text` that starts with `opening`, on one line. */
function paragraph(text: string, opening: string): string {
  const start = text.indexOf(opening);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf("\n\n", start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\s+/g, " ");
}

/** What an exit-code summary ("…: 0 ok, 1 failed, …") says each code means. */
function meanings(summary: string): Map<number, string> {
  const marks = [...summary.matchAll(/(?:: |, )(\d) /g)];
  return new Map(marks.map((m, i) => [Number(m[1]), summary.slice(m.index + m[0].length, marks[i + 1]?.index ?? summary.length)]));
}

describe("what the exit codes are documented to mean", () => {
  const summaries = {
    README: meanings(paragraph(README, "Exit codes of `argo`:")),
    "argo --help": meanings(paragraph(HELP.help, "Exit codes:")),
  };

  for (const [where, codes] of Object.entries(summaries)) {
    test(`${where}: a stopped backtest is ${EXIT.FAILURE} (partial results), only a stopped run is ${EXIT.OK}`, () => {
      expect([...codes.keys()]).toEqual(Object.values(EXIT).sort());
      // "stopped cleanly" is said of a run alone: an aborted backtest's results are not a finished run's.
      expect(codes.get(EXIT.OK)).toMatch(/\brun\b.*stopped cleanly/);
      expect(codes.get(EXIT.OK)).not.toContain("backtest");
      expect(codes.get(EXIT.FAILURE)).toMatch(/backtest`? stopped/);
      expect(codes.get(EXIT.FAILURE)).toContain("partial");
    });
  }

  test("argo backtest --help says what Ctrl-C exits with", () => {
    expect(HELP.backtest.replace(/\s+/g, " ")).toContain(`marked aborted, and the exit code is ${EXIT.FAILURE}`);
  });
});

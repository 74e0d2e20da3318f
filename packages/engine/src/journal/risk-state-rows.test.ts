import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { thrownBy, withJournal } from "../test-fixtures/edited-journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-state-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;


describe("the journal keeps the equity limits' marks", () => {
  test("none before a session recorded any; the newest recorded comes back after a restart", () => {
    const dir = join(root, "round-trip");
    expect(withJournal(dir, (j) => j.loadRiskState())).toBeUndefined();
    withJournal(dir, (j) => {
      j.riskState({ peak: 10_000, dayStartEquity: 10_000, day: 19_723 * DAY });
      j.riskState({ peak: 10_500.25, dayStartEquity: 9_876.5, day: 19_724 * DAY }); // only the newest matters
    });
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({ peak: 10_500.25, dayStartEquity: 9_876.5, day: 19_724 * DAY });
  });

  test("kept apart from the strategy's state: a strategy's own keys neither see nor replace it", () => {
    const dir = join(root, "apart");
    withJournal(dir, (j) => {
      j.beginSession("s", ["X"], "1m", "paper");
      j.state("s", "peak", "1");
      j.riskState({ peak: 2, dayStartEquity: 3, day: 0 });
    });
    withJournal(dir, (j) => {
      expect(j.loadState("s")).toEqual([["peak", 1]]);
      expect(j.loadRiskState()).toEqual({ peak: 2, dayStartEquity: 3, day: 0 });
    });
  });

  test("a row changed outside Argo is refused with INVALID_DATA naming the file, the table and the column", () => {
    const dir = join(root, "damaged");
    withJournal(dir, (j) => j.riskState({ peak: 2, dayStartEquity: 3, day: 0 }));
    const db = new Database(join(dir, JOURNAL_FILE));
    db.run("UPDATE risk_state SET day_start_equity = 'lots' WHERE id = 1");
    db.close();
    const error = thrownBy(dir, (j) => j.loadRiskState());
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(join(dir, JOURNAL_FILE));
    expect(message).toContain("risk_state");
    expect(message).toContain("day_start_equity");
  });
});

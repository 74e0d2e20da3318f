import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFirstSchemaJournal } from "./first-schema-fixture.ts";
import { thrownBy, withJournal } from "../test-fixtures/edited-journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-last-step-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;
const MARKS = { peak: 12_000, dayStartEquity: 11_000, day: 19_723 * DAY };

describe("the journal keeps the last judged step's equity and clock with the marks", () => {
  test("written and read back; marks without one read without one", () => {
    const dir = join(root, "round-trip");
    withJournal(dir, (j) => j.riskState({ ...MARKS, lastStepEquity: 11_250.5, lastStepTime: 19_723 * DAY + 3_600_000 }));
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({ ...MARKS, lastStepEquity: 11_250.5, lastStepTime: 19_723 * DAY + 3_600_000 });
    withJournal(dir, (j) => j.riskState(MARKS)); // a halt's marks: none kept
    const marks = withJournal(dir, (j) => j.loadRiskState());
    expect(marks).toEqual(MARKS);
    expect(marks !== undefined && "lastStepEquity" in marks).toBe(false);
  });

  test("a risk_state written before those columns (REDUCING ones only) opens, reads as before, and keeps them from then on", () => {
    const dir = join(root, "older");
    writeFirstSchemaJournal(dir, `
      CREATE TABLE risk_state (id INTEGER PRIMARY KEY CHECK (id = 1), peak REAL NOT NULL, day_start_equity REAL NOT NULL, day INTEGER NOT NULL,
        reducing_drawdown REAL, reducing_daily_loss REAL);
      INSERT INTO risk_state VALUES (1, 12000, 11000, ${19_723 * DAY}, NULL, 0.05);
      INSERT INTO sessions (strategy, symbols, interval, mode, started_at) VALUES ('s', '["X"]', '1m', 'paper', 0);`);
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({ ...MARKS, reducedByDailyLoss: 0.05 });
    const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
    expect((db.query("PRAGMA table_info(risk_state)").all() as Array<{ name: string }>).map((c) => c.name).slice(-2)).toEqual(["last_step_equity", "last_step_time"]);
    db.close();
    withJournal(dir, (j) => j.riskState({ ...MARKS, lastStepEquity: 10_900, lastStepTime: 19_723 * DAY + 60_000 }));
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({ ...MARKS, lastStepEquity: 10_900, lastStepTime: 19_723 * DAY + 60_000 });
  });

  test("kept only when no step the bars hold came between it and the newest (one the session did not judge: a breaker's halt)", () => {
    // Steps of X and Y (1m) at 0, 1 and 2 minutes past T, and one of X a weekend later (Monday): the newest step.
    const T = Date.UTC(2024, 0, 5, 23, 57); // a Friday
    const MONDAY = T + 3 * DAY;
    const kept = (judgedAt: number, bars: Array<[string, number]>) => {
      const dir = join(root, `judged-${judgedAt}-${bars.length}`);
      return withJournal(dir, (j) => {
        for (const [symbol, openTime] of bars) j.bar({ symbol, interval: "1m", openTime, open: 1, high: 1, low: 1, close: 1, volume: 1 });
        j.riskState({ ...MARKS, lastStepEquity: 10_900, lastStepTime: judgedAt });
        j.flush();
        return j.loadRiskState()?.lastStepEquity;
      });
    };
    const week: Array<[string, number]> = [["X", T], ["Y", T], ["X", T + 60_000], ["Y", T + 60_000], ["X", T + 120_000], ["Y", T + 120_000], ["X", MONDAY]];
    // Judged at the close of the 23:59 step, the last before Monday's: the weekend between holds no step.
    expect(kept(T + 180_000, week)).toBe(10_900);
    // Judged at the 23:58 step's close: the 23:59 step (its Y bar too) was not judged, so it is not the step before Monday's.
    expect(kept(T + 120_000, week)).toBeUndefined();
    expect(kept(T + 120_000, week.filter(([symbol, time]) => symbol === "Y" || time !== T + 120_000))).toBeUndefined();
    // The newest step complete and judged (at its close): kept.
    expect(kept(MONDAY + 60_000, week)).toBe(10_900);
  });

  test("an equity without its clock (or the reverse) is refused, INVALID_DATA naming the column left empty", () => {
    for (const [column, other] of [["last_step_time", "last_step_equity"], ["last_step_equity", "last_step_time"]] as const) {
      const dir = join(root, `half-${column}`);
      withJournal(dir, (j) => j.riskState({ ...MARKS, lastStepEquity: 10_900, lastStepTime: 19_723 * DAY + 60_000 }));
      const db = new Database(join(dir, JOURNAL_FILE));
      db.run(`UPDATE risk_state SET ${column} = NULL WHERE id = 1`);
      db.close();
      const error = thrownBy(dir, (j) => j.loadRiskState());
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { table: "risk_state" } });
      expect(error?.message).toContain(`holds NULL in column ${column}`);
      expect(error?.message).not.toContain(other);
    }
  });
});

import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFirstSchemaJournal } from "./first-schema-fixture.ts";
import { thrownBy, withJournal } from "../test-fixtures/edited-journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-reducing-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;


describe("the journal keeps the REDUCING limits the equity reached", () => {
  test("a journal whose risk_state was written before those columns opens, reads its marks, and keeps them from then on", () => {
    const dir = join(root, "older");
    // risk_state as it was first written: peak, day start and day only; a session recorded, so the tables are checked.
    writeFirstSchemaJournal(dir, `
      CREATE TABLE risk_state (id INTEGER PRIMARY KEY CHECK (id = 1), peak REAL NOT NULL, day_start_equity REAL NOT NULL, day INTEGER NOT NULL);
      INSERT INTO risk_state VALUES (1, 12000, 11000, ${19_723 * DAY});
      INSERT INTO sessions (strategy, symbols, interval, mode, started_at) VALUES ('s', '["X"]', '1m', 'paper', 0);`);
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({ peak: 12_000, dayStartEquity: 11_000, day: 19_723 * DAY });
    withJournal(dir, (j) => j.riskState({ peak: 12_000, dayStartEquity: 11_000, day: 19_723 * DAY, reducedByDailyLoss: 0.05, reducedByDrawdown: 0.1 }));
    expect(withJournal(dir, (j) => j.loadRiskState())).toEqual({
      peak: 12_000, dayStartEquity: 11_000, day: 19_723 * DAY, reducedByDailyLoss: 0.05, reducedByDrawdown: 0.1,
    });
    // A later write without them (the limit lifted) clears them.
    withJournal(dir, (j) => j.riskState({ peak: 12_000, dayStartEquity: 11_500, day: 19_724 * DAY }));
    const marks = withJournal(dir, (j) => j.loadRiskState());
    expect(marks).toEqual({ peak: 12_000, dayStartEquity: 11_500, day: 19_724 * DAY });
    expect(marks !== undefined && "reducedByDrawdown" in marks).toBe(false);
  });

  test("a limit changed outside Argo into something no risk config holds is refused (INVALID_DATA naming the column)", () => {
    const dir = join(root, "tampered");
    withJournal(dir, (j) => j.riskState({ peak: 2, dayStartEquity: 3, day: 0, reducedByDrawdown: 0.1 }));
    const db = new Database(join(dir, JOURNAL_FILE));
    db.run("UPDATE risk_state SET reducing_drawdown = 7 WHERE id = 1");
    db.close();
    const error = thrownBy(dir, (j) => j.loadRiskState());
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect((error as Error).message).toContain("reducing_drawdown");
  });
});

import { type ArgoError, isArgoError } from "@argo/core";
import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";
import { isJournalLoss } from "./journal-loss.ts";
import { LOCK_FILE } from "./session-lock.ts";
import { pendingOrder as pending, refusedWrite as thrown } from "../test-fixtures/journal-writes.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-loss-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);


describe("a journal tells its listener once when it can no longer record", () => {
  test("directory removed: told once, at the first order; every later order refused with the same loss; batches and close then quiet", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    const told: ArgoError[] = [];
    journal.onLoss((loss) => told.push(loss));
    journal.sending(pending("o1"));
    expect(told).toEqual([]); // recorded as ever: nothing lost
    rmSync(dir, { recursive: true, force: true });
    const first = thrown(() => journal.sending(pending("o2")));
    expect(told).toHaveLength(1);
    expect(first).toBe(told[0]);
    expect(isArgoError(first, "INTERNAL")).toBe(true);
    expect(told[0]!.message).toContain(`session journal ${journal.path} was removed or replaced`);
    expect(journal.lost).toBe(told[0]);
    // The same loss object, not a new finding: the files are not looked at again.
    expect(thrown(() => journal.sending(pending("o3")))).toBe(told[0]);
    // Batches are dropped without a throw (the listener said it), and close neither throws nor tells again.
    journal.order({ ...pending("o1"), status: "SUBMITTED" });
    journal.flush();
    journal.unsent("o2");
    journal.close("completed");
    expect(told).toHaveLength(1);
  });

  test("found by a batch: the first flush throws the loss (after telling), later ones are quiet", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    const told: ArgoError[] = [];
    journal.onLoss((loss) => told.push(loss));
    rmSync(dir, { recursive: true, force: true });
    journal.order(pending("o1"));
    expect(thrown(() => journal.flush())).toBe(told[0]);
    journal.order({ ...pending("o1"), status: "SUBMITTED" });
    journal.maybeFlush(); // an order waits: flushed, and dropped
    journal.close("completed");
    expect(told).toHaveLength(1);
  });

  test("its claim replaced by another session's: told, and close leaves the other's claim and file alone", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    journal.beginSession("s", ["X"], "1m", "live");
    const told: ArgoError[] = [];
    journal.onLoss((loss) => told.push(loss));
    const lock = join(dir, LOCK_FILE);
    unlinkSync(lock);
    writeFileSync(lock, "4999999");
    thrown(() => journal.sending(pending("o1")));
    expect(told.map((loss) => loss.message.includes(`its claim ${lock} was removed or replaced`))).toEqual([true]);
    journal.close("completed");
    expect(readFileSync(lock, "utf8")).toBe("4999999");
    // The journal file may be the other session's now: close wrote no end into it (ended_at stays NULL), nor the order.
    const reopened = new Database(journal.path, { readonly: true });
    expect(reopened.query("SELECT ended_at FROM sessions").all()).toEqual([{ ended_at: null }]);
    expect(reopened.query("SELECT count(*) AS n FROM orders").get()).toEqual({ n: 0 });
    reopened.close();
  });

  test("a listener registered after the loss is told at once; without a listener the loss keeps being thrown (close too)", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    rmSync(dir, { recursive: true, force: true });
    const loss = thrown(() => journal.flush());
    expect(thrown(() => journal.flush())).toBe(loss); // nobody told: still said
    const told: unknown[] = [];
    journal.onLoss((l) => told.push(l));
    expect(told).toEqual([loss]);
    journal.flush(); // now quiet
    journal.close("completed");
  });

  test("a write SQLite refuses for good (a read-only database) is a loss too, named with SQLite's code", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    const told: ArgoError[] = [];
    journal.onLoss((loss) => told.push(loss));
    // The connection made read-only under the journal: what a file system remounted read-only gives.
    (journal as unknown as { db: Database }).db.exec("PRAGMA query_only = 1");
    const error = thrown(() => journal.sending(pending("o1")));
    expect(told).toHaveLength(1);
    expect(error).toBe(told[0]);
    expect(told[0]!.message).toContain(`session journal ${journal.path} can no longer be written (SQLITE_READONLY`);
    (journal as unknown as { db: Database }).db.exec("PRAGMA query_only = 0");
    journal.close("completed");
  });
});

describe("isJournalLoss", () => {
  // Which SQLite codes mean the file can no longer be written at all (see LOSS_CODES), listed by hand.
  test.each([
    ["SQLITE_IOERR", true], ["SQLITE_IOERR_WRITE", true], ["SQLITE_IOERR_FSYNC", true], ["SQLITE_READONLY", true],
    ["SQLITE_READONLY_DBMOVED", true], ["SQLITE_CORRUPT", true], ["SQLITE_NOTADB", true], ["SQLITE_CANTOPEN", true],
    ["SQLITE_BUSY", false], ["SQLITE_LOCKED", false], ["SQLITE_FULL", false], ["SQLITE_IOERR_SHMSIZE", false], ["SQLITE_IOERR_NOMEM", false], ["SQLITE_CONSTRAINT_NOTNULL", false],
    ["SQLITE_IOERRX", false], ["INTERNAL", false],
  ])("%s → %p", (code, loss) => {
    expect(isJournalLoss(Object.assign(new Error("x"), { code }))).toBe(loss);
  });

  test("errors without a code are no loss", () => {
    expect([isJournalLoss(new TypeError("bind")), isJournalLoss(null), isJournalLoss(undefined)]).toEqual([false, false, false]);
  });
});

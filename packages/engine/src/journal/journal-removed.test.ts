import { type ArgoError, isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";
import { LOCK_FILE } from "./session-lock.ts";
import { pendingOrder as pending, refusedWrite } from "../test-fixtures/journal-writes.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-removed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);


/** The ArgoError `write` throws (the test fails when it throws none, or something else). */
function thrown(write: () => void): ArgoError {
  const error = refusedWrite(write);
  if (isArgoError(error)) return error;
  throw error;
}

describe("a session directory removed or taken over while its journal is open", () => {
  test("removed (rm -rf of the data folder): an order is no longer recorded, nor is a batch, each naming the journal", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    journal.sending(pending("o1")); // the directory is there: recorded as ever
    rmSync(dir, { recursive: true, force: true });
    // SQLite would go on writing into the deleted file without an error: the order must be refused instead.
    const onSend = thrown(() => journal.sending(pending("o2")));
    expect(onSend.code).toBe("INTERNAL");
    expect(onSend.message).toContain(`session journal ${journal.path} was removed or replaced`);
    journal.order({ ...pending("o1"), status: "SUBMITTED" });
    const onFlush = thrown(() => journal.flush());
    expect([onFlush.code, onFlush.message.includes(journal.path)]).toEqual(["INTERNAL", true]);
    expect(() => journal.close("completed")).toThrow("was removed or replaced");
  });

  test("its claim replaced by another session's (journal.lock deleted and claimed afresh): nothing more is recorded", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    const lock = join(dir, LOCK_FILE);
    unlinkSync(lock);
    writeFileSync(lock, "4999999"); // what a second session's claim holds: its own pid
    const error = thrown(() => journal.sending(pending("o1")));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toContain(`its claim ${lock} was removed or replaced`);
    expect(() => journal.close("completed")).toThrow("was removed or replaced");
    // Closing leaves the other session's claim in place.
    expect(readFileSync(lock, "utf8")).toBe("4999999");
  });

  test("a second journal of this process on the directory made again is refused while the first is open", () => {
    const dir = sessionDir();
    const first = new Journal(dir);
    rmSync(dir, { recursive: true, force: true });
    // The claim file went with the directory; the first session's journal is still open, so the directory is still its.
    let refusal: unknown;
    try {
      new Journal(dir).close("completed");
    } catch (error) {
      refusal = error;
    }
    expect(isArgoError(refusal, "INVALID_CONFIGURATION")).toBe(true);
    expect((refusal as Error).message).toContain(`in use by process ${process.pid}`);
    expect(() => first.close("completed")).toThrow("was removed or replaced");
    // Closed, the first gives it up.
    new Journal(dir).close("completed");
  });
});

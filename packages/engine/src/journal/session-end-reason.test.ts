// The sessions table says why a session ended, not only that it was "aborted" or "failed": before, it had no column for
// it, and a Ctrl-C read the same as a lost log or a crash. Expectations are the texts written, by hand.
import { ArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { writeFirstSchemaJournal } from "./first-schema-fixture.ts";
import { Journal } from "./journal.ts";
import { END_REASON_MAX_LENGTH, sessionEndReason } from "./session-end-reason.ts";

const root = mkdtempSync(join(tmpdir(), "argo-end-reason-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = "sk-live-0123456789abcdef";

interface EndRow {
  status: string | null;
  end_reason: string | null;
}

/** The sessions' status and end reason, oldest first, read after the journal was closed (another connection). */
const ends = (dir: string) => journalRows<EndRow>(dir, "SELECT status, end_reason FROM sessions ORDER BY id");

/** One session begun and closed with `status` and `reason`, in a journal of its own. */
function endedSession(name: string, status: string, reason: string | undefined, secrets: string[] = []): string {
  const dir = join(root, name);
  const journal = new Journal(dir, {}, secrets);
  journal.beginSession("s", ["X"], "1m", "paper", { name: "paper" });
  journal.close(status, reason);
  return dir;
}

describe("sessionEndReason: the text recorded for what ended a session", () => {
  test("a signal's name is kept as it is; an ArgoError is its code and message; an errno error its code", () => {
    expect(sessionEndReason("SIGINT")).toBe("SIGINT");
    expect(sessionEndReason(new ArgoError("STREAM_DISCONNECTED", "feed gone"))).toBe("STREAM_DISCONNECTED: feed gone");
    expect(sessionEndReason(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).toBe("EPIPE: write EPIPE");
    expect(sessionEndReason(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
  });

  test("AbortController.abort() without a reason: the DOMException's name and message", () => {
    const controller = new AbortController();
    controller.abort();
    expect(sessionEndReason(controller.signal.reason)).toBe("AbortError: The operation was aborted.");
  });

  test("nothing (a completed session) is no reason; a long message is recorded cut to the limit", () => {
    expect(sessionEndReason(undefined)).toBeUndefined();
    const dir = endedSession("long", "failed", sessionEndReason(new ArgoError("BROKER_REJECTED", "y".repeat(5000))));
    const long = ends(dir)[0]!.end_reason!;
    expect(long.length).toBe(END_REASON_MAX_LENGTH);
    // "BROKER_REJECTED: " is 17 characters, then y's up to the limit less one (limit - 18 of them), then the ellipsis.
    expect(long).toBe(`BROKER_REJECTED: ${"y".repeat(END_REASON_MAX_LENGTH - 18)}…`);
  });

  test("a secret across the cut is scrubbed before the cut: none of it is stored (docs hunt)", () => {
    // 977 x's, then the 24-character secret: it runs past 999, where the cut falls. Cut first, its first 22 characters
    // were stored; scrubbed first, it is "[REDACTED]" (10 characters): 987 in all, under the limit, nothing cut.
    const dir = endedSession("secret-cut", "failed", sessionEndReason(`${"x".repeat(977)}${SECRET}`), [SECRET]);
    expect(ends(dir)[0]!.end_reason).toBe(`${"x".repeat(977)}[REDACTED]`);
  });
});

describe("the journal records why a session ended, read back after it is reopened", () => {
  test("SIGINT, a lost log (EPIPE) and a fatal error each read back as written; a completed session has none", () => {
    const cases: Array<[string, string, string | undefined]> = [
      ["sigint", "aborted", "SIGINT"],
      ["epipe", "aborted", "log output lost: stderr can no longer be written (EPIPE): whoever read it closed it"],
      ["fatal", "failed", "STREAM_DISCONNECTED: market data stream failed"],
      ["done", "completed", undefined],
    ];
    for (const [name, status, reason] of cases) {
      const dir = endedSession(name, status, reason);
      // Reopened as a restart does (the migration runs again, nothing is added twice), then read from the file.
      new Journal(dir).close("completed");
      expect(ends(dir)[0]).toEqual({ status, end_reason: reason ?? null });
    }
  });

  test("a secret in the reason is stored as [REDACTED], like every other text the journal stores", () => {
    const dir = endedSession("secret", "failed", `BROKER_REJECTED: 401 for key ${SECRET}`, [SECRET]);
    expect(ends(dir)).toEqual([{ status: "failed", end_reason: "BROKER_REJECTED: 401 for key [REDACTED]" }]);
  });
});

describe("a journal written before sessions recorded why they ended", () => {
  test("the first schema (no venue, account or end_reason): migrated on open, its session reads as no reason given", () => {
    const dir = join(root, "first-schema");
    writeFirstSchemaJournal(dir, "INSERT INTO sessions (strategy, symbols, interval, mode, started_at, ended_at, status) VALUES ('s', 'X', '1m', 'paper', 1, 2, 'aborted')");
    const journal = new Journal(dir);
    journal.beginSession("s", ["X"], "1m", "paper", { name: "paper" });
    journal.close("aborted", "SIGTERM");
    const columns = journalRows<{ name: string }>(dir, "PRAGMA table_info(sessions)").map((column) => column.name);
    expect(columns).toEqual(["id", "strategy", "symbols", "interval", "mode", "started_at", "ended_at", "status", "venue", "account", "end_reason"]);
    expect(ends(dir)).toEqual([{ status: "aborted", end_reason: null }, { status: "aborted", end_reason: "SIGTERM" }]);
  });

  test("the last schema (venue and account, no end_reason): the column is added last, the rows kept as they were", () => {
    const dir = join(root, "venue-schema");
    // The sessions table as the version before this one wrote it, with a session it recorded.
    writeFirstSchemaJournal(dir, [
      "ALTER TABLE sessions ADD COLUMN venue TEXT",
      "ALTER TABLE sessions ADD COLUMN account TEXT",
      "INSERT INTO sessions (strategy, symbols, interval, mode, started_at, ended_at, status, venue, account) VALUES ('s', 'X', '1m', 'live', 1, 2, 'failed', 'broker', 'acct-1')",
    ].join(";\n"));
    const journal = new Journal(dir);
    expect(journal.recordedVenues()).toEqual([{ venue: "broker", account: "acct-1" }]);
    journal.beginSession("s", ["X"], "1m", "live", { name: "broker", account: "acct-1" });
    journal.close("failed", "CONNECTION_LOST: broker went away");
    const rows = journalRows<Record<string, unknown>>(dir, "SELECT mode, status, venue, account, end_reason FROM sessions ORDER BY id");
    expect(rows).toEqual([
      { mode: "live", status: "failed", venue: "broker", account: "acct-1", end_reason: null },
      { mode: "live", status: "failed", venue: "broker", account: "acct-1", end_reason: "CONNECTION_LOST: broker went away" },
    ]);
  });
});

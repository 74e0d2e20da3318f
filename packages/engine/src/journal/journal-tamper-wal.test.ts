import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { thrownBy, WORKING_LIMIT } from "../test-fixtures/edited-journal.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-wal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const limit = (clientOrderId: string, symbol: string): Order => ({ ...WORKING_LIMIT, clientOrderId, symbol, venueOrderId: `v-${clientOrderId}` });

/** A journal in `dir` of strategy "s" holding the working orders `ids` (of X), closed: SQLite checkpoints it into the file. */
function closedJournal(dir: string, ids: readonly string[]): string {
  const journal = new Journal(dir);
  journal.beginSession("s", ["X"], "1m", "paper");
  for (const id of ids) journal.order(limit(id, "X"));
  journal.close("completed");
  return journal.path;
}

/**
 * The write-ahead log of a session of another journal (strategy "s" too, holding order b-1 of Y) that stopped without
 * closing its journal: copied from its open journal once written, as a copy or restore of that directory would take it.
 */
function foreignWal(name: string): string {
  const dir = join(root, name);
  const journal = new Journal(dir);
  journal.beginSession("s", ["Y"], "1m", "paper");
  journal.order(limit("b-1", "Y"));
  journal.flush();
  const copy = join(root, `${name}.wal`);
  copyFileSync(`${journal.path}-wal`, copy);
  journal.close("completed");
  return copy;
}

/** The page numbers of a write-ahead log's frames of its current salt (its 32-byte header, then per frame 24 bytes and a page). */
function walPages(path: string): number[] {
  const log = readFileSync(path);
  const pageSize = log.readUInt32BE(8);
  const pages: number[] = [];
  for (let at = 32; at + 24 + pageSize <= log.length && log.readUInt32BE(at + 8) === log.readUInt32BE(16); at += 24 + pageSize) pages.push(log.readUInt32BE(at));
  return pages;
}

describe("a write-ahead log of another journal beside the journal is refused, not replayed into it", () => {
  test("INVALID_DATA naming the journal and the -wal file; both files are left as they were (before: the start read the other journal's order b-1)", () => {
    const dir = join(root, "a");
    const path = closedJournal(dir, ["a-1"]);
    copyFileSync(foreignWal("b"), `${path}-wal`);
    const [file, wal] = [readFileSync(path), readFileSync(`${path}-wal`)];
    const error = thrownBy(dir, (journal) => journal.unfinishedOrders());
    expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, file: `${path}-wal` } });
    expect(error?.message).toStartWith(`session journal ${path}: its write-ahead log ${path}-wal is another journal's`);
    // Refused before SQLite opened it for writing: no checkpoint wrote the other journal's pages into the file.
    expect(readFileSync(path).equals(file)).toBe(true);
    expect(readFileSync(`${path}-wal`).equals(wal)).toBe(true);
  });

  test("moved away, the journal opens as it was closed: its own order a-1", () => {
    const dir = join(root, "a-moved");
    const path = closedJournal(dir, ["a-1"]);
    copyFileSync(foreignWal("b-moved"), `${path}-wal`);
    expect(thrownBy(dir)?.code).toBe("INVALID_DATA");
    renameSync(`${path}-wal`, join(root, "moved-away.wal"));
    // The -shm the check's read-only look left stays: SQLite rebuilds its index, there being no log.
    expect(existsSync(`${path}-shm`)).toBe(true);
    expect(thrownBy(dir, (journal) => expect(journal.unfinishedOrders().map((o) => o.clientOrderId)).toEqual(["a-1"]))).toBeUndefined();
  });

  test("a paper restart on it stops before init", async () => {
    const dir = join(root, "a-restart");
    const path = closedJournal(dir, ["a-1"]);
    copyFileSync(foreignWal("b-restart"), `${path}-wal`);
    let inits = 0;
    const strategy = testStrategy({ init: () => void inits++ }, "s");
    const run = await runEngine({ bars: barsFromCloses("X", [100]), strategy, engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, file: `${path}-wal` } });
    expect(inits).toBe(0);
  });
});

describe("the journal's own write-ahead log (a session that stopped without closing it) is replayed as before", () => {
  test("written after a checkpoint and left with its log: the copy opens with what the log holds (a-1 from the file, a-2 from the log)", () => {
    const dir = join(root, "own");
    const path = closedJournal(dir, ["a-1"]);
    const journal = new Journal(dir);
    journal.beginSession("s", ["X"], "1m", "paper");
    journal.order({ ...limit("a-2", "X"), createdAt: 2 });
    // Enough bars to grow the file: the log then holds its header page too, whose identity the start compares.
    for (const bar of barsFromCloses("X", Array.from({ length: 300 }, (_, i) => 100 + i))) journal.bar(bar);
    journal.flush();
    // The files as a process killed now leaves them (the claim is not copied: it names this live process).
    const crashed = join(root, "own-crashed");
    mkdirSync(crashed);
    copyFileSync(path, join(crashed, "journal.sqlite"));
    copyFileSync(`${path}-wal`, join(crashed, "journal.sqlite-wal"));
    journal.close("completed");
    expect(existsSync(join(crashed, "journal.sqlite-wal"))).toBe(true);
    expect(walPages(join(crashed, "journal.sqlite-wal"))).toContain(1);
    expect(thrownBy(crashed, (j) => expect(j.unfinishedOrders().map((o) => o.clientOrderId)).toEqual(["a-1", "a-2"]))).toBeUndefined();
  });

  test("a journal of a version before journals had an identity (user_version 0) opens, and gets one", () => {
    const dir = join(root, "unstamped");
    const path = closedJournal(dir, ["a-1"]);
    const db = new Database(path);
    db.exec("PRAGMA user_version = 0");
    db.close();
    expect(thrownBy(dir, (journal) => expect(journal.unfinishedOrders().map((o) => o.clientOrderId)).toEqual(["a-1"]))).toBeUndefined();
    const read = new Database(path, { readonly: true });
    expect((read.query("PRAGMA user_version").get() as { user_version: number }).user_version).not.toBe(0);
    read.close();
  });
});

// A journal.sqlite already in the session directory that this process may not write (mode 0444, or owned by another
// user) was accepted: SQLite opens such a file read-only without a word, and the session halted at its first write.
// sessionDirIssue now names the file ("<dir>/journal.sqlite is not writable: permission denied") before anything
// starts. As root every write is allowed, so the decision is tested with an injected access check; the real
// permission is tested through the runner (apps/runner/src/config/data-dir-issues.test.ts) as nobody.
import { afterAll, describe, expect, test } from "bun:test";
import { constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sessionDirIssue } from "./session-dir.ts";

const root = mkdtempSync(join(tmpdir(), "argo-session-journal-file-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An access check refusing `mode` on the paths in `refused` with `code`, as the file system would; allowing the rest. */
function refusing(refused: Record<string, string>) {
  const asked: Array<[string, number]> = [];
  const access = (path: string, mode: number) => {
    asked.push([path, mode]);
    const code = refused[path];
    if (code !== undefined) throw Object.assign(new Error(`${code}: refused, access '${path}'`), { code });
  };
  return { access, asked };
}

/** A fresh session directory holding `files`. */
function sessionDir(name: string, files: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const file of files) writeFileSync(join(dir, file), "");
  return dir;
}

describe("a journal file the process may not write", () => {
  test("journal.sqlite refused: '<dir>/journal.sqlite is not writable: permission denied', asked for read and write", () => {
    const dir = sessionDir("read-only-file", ["journal.sqlite"]);
    const file = join(dir, "journal.sqlite");
    const check = refusing({ [file]: "EACCES" });
    expect(sessionDirIssue(dir, check.access)).toBe(`${file} is not writable: permission denied`);
    expect(check.asked).toContainEqual([file, constants.R_OK | constants.W_OK]);
  });

  test("its -wal file refused (a read-only file system): named too", () => {
    const dir = sessionDir("read-only-wal", ["journal.sqlite", "journal.sqlite-wal"]);
    const wal = join(dir, "journal.sqlite-wal");
    expect(sessionDirIssue(dir, refusing({ [wal]: "EROFS" }).access)).toBe(`${wal} is not writable: read-only file system`);
  });

  test("a directory refused is said first, as before (the file is not reached)", () => {
    const dir = sessionDir("read-only-dir", ["journal.sqlite"]);
    const check = refusing({ [dir]: "EACCES", [join(dir, "journal.sqlite")]: "EACCES" });
    expect(sessionDirIssue(dir, check.access)).toBe(`${dir} is not writable: permission denied`);
  });

  test("no journal file yet, or one that may be written: no problem", () => {
    const empty = sessionDir("empty", []);
    const check = refusing({ [join(empty, "journal.sqlite")]: "EACCES" });
    // The refusal would apply to a file that is not there: nothing to refuse, SQLite creates it.
    expect(sessionDirIssue(empty, check.access)).toBeUndefined();
    expect(sessionDirIssue(sessionDir("writable", ["journal.sqlite"]), refusing({}).access)).toBeUndefined();
  });
});

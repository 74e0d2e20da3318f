import { Database } from "bun:sqlite";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { journalTableError } from "./stored-rows.ts";

/**
 * A journal's identity: a random number in its file header's user_version (page 1), set once when the journal is first
 * opened by a version that knows it (0: none yet). Argo keeps no other value there. It is how a write-ahead log is told
 * to be the journal's own: SQLite replays whatever valid log lies beside the file, and the log checks nothing that ties it
 * to this file (see assertOwnWal).
 */
export function stampJournalId(db: Database): void {
  if (journalIdOf(db) !== 0) return;
  // 1 .. 2^31 - 1: user_version is a signed 32-bit number, and 0 means none.
  const id = 1 + Math.floor(Math.random() * 0x7ffffffe);
  db.exec(`PRAGMA user_version = ${id}`);
}

/** The identity SQLite reads for the open journal (with its write-ahead log applied); 0 when it has none. */
function journalIdOf(db: Database): number {
  return Number((db.query("PRAGMA user_version").get() as { user_version: number }).user_version);
}

/** The size of a write-ahead log's header: a log no longer than it holds no page. */
const WAL_HEADER_BYTES = 32;

/**
 * Refuses (INVALID_DATA naming the journal and its -wal file) a write-ahead log beside the journal that is another
 * journal's: one copied beside it, or left from a backup of another session directory. Opened, SQLite would take that
 * journal's pages for this one's (the start would resume another session's orders, fills and state) and write them into
 * the file for good at the next checkpoint. Told by the journals' identities (stampJournalId): the one the file's own
 * header holds, read from its bytes, and the one SQLite reads once the log is applied, read through a read-only
 * connection, which leaves both files as they are. Asked only when a log holding pages is there (a session that stopped
 * without closing its journal); a clean close leaves none.
 *
 * Not told apart: a log whose pages hold no header page (a journal whose rows changed in place only, never growing,
 * since its last checkpoint), a log of a copy of this same journal, and a file with no identity yet (written before
 * journals had one, or never checkpointed). Call before the journal is opened for writing: closing that connection
 * would checkpoint the log into the file.
 */
export function assertOwnWal(path: string): void {
  const wal = `${path}-wal`;
  if ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) <= WAL_HEADER_BYTES) return;
  const own = headerJournalId(path);
  if (own === undefined || own === 0) return;
  let seen: number;
  try {
    const probe = new Database(path, { readonly: true });
    try {
      seen = journalIdOf(probe);
    } finally {
      probe.close();
    }
  } catch {
    return; // a file SQLite cannot read: opening it for writing says so (journalDamage)
  }
  if (seen === own) return;
  throw journalTableError(
    path,
    undefined,
    `its write-ahead log ${wal} is another journal's (it makes the journal's identity ${seen}, the file's own is ${own}): opened, SQLite would ` +
      `replay that journal's pages into this one. Move ${wal} away if it was copied or restored there by mistake (the journal then opens as ` +
      `its last checkpoint left it), or restore both files from the same copy`,
    { file: wal },
  );
}

/** The identity in the header of the SQLite file at `path`, read from its bytes; undefined when it is no SQLite file (yet). */
function headerJournalId(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\u0000") return undefined;
    return header.readInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

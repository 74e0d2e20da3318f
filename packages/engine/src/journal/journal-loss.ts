import { ArgoError } from "@argo/core";

/**
 * Told once, the first time a journal finds it can no longer record (see isJournalLoss): the session must stop trading,
 * since every order it sent from then on would be lost to the next start. Called inside the write that found it, before
 * that write throws; it must not throw itself.
 */
export type JournalLossListener = (loss: ArgoError) => void;

/**
 * SQLite's words for a journal file that can no longer be written at all, however often the write is tried again: a
 * failing disk or file system (IOERR, including a failed fsync), a file that became read-only under the session
 * (READONLY, including READONLY_DBMOVED: SQLite's own finding that the file was renamed or removed), a damaged file
 * (CORRUPT, NOTADB) or one that can no longer be opened (CANTOPEN, a -wal or -shm file gone). A busy or locked database
 * and a full disk are not among them: another process or a cleanup may free them, so that batch is kept and retried.
 * Nor are the two I/O errors that say the same of memory or space: SHMSIZE (the -shm file could not grow, as on a full
 * disk) and NOMEM.
 */
const LOSS_CODES = ["SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN"];
const PASSING_CODES = new Set(["SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_NOMEM"]);

/** Whether a failed journal write means the journal can no longer record anything (see LOSS_CODES). */
export function isJournalLoss(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || PASSING_CODES.has(code)) return false;
  // Extended codes name their family first: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED.
  return LOSS_CODES.some((family) => code === family || code.startsWith(`${family}_`));
}

/** The INTERNAL error of a journal SQLite can no longer write (`error` as isJournalLoss judged it), naming the file. */
export function unwritableJournal(path: string, error: unknown): ArgoError {
  const code = String((error as { code?: unknown }).code);
  return new ArgoError(
    "INTERNAL",
    `session journal ${path} can no longer be written (${code}: ${(error as Error).message}): nothing more is recorded and no order is sent; stop the session`,
    { cause: error, details: { file: path, sqlite: code } },
  );
}

/** A journal's loss once found, and the listener to tell of it, once (see Journal.onLoss). */
export class JournalLoss {
  /** Why the journal can no longer record; undefined while it records. */
  error: ArgoError | undefined;
  /** Whether a listener was told: from then on the journal's writes drop quietly, as the loss was reported. */
  told = false;
  private listener: JournalLossListener | undefined;

  /** Sets the listener (undefined: none); told at once of a loss found before. */
  listen(listener: JournalLossListener | undefined): void {
    this.listener = listener;
    this.tell();
  }

  /** Takes `loss` as the journal's (the first one found stays), tells the listener, and gives the error to throw. */
  lose(loss: ArgoError): ArgoError {
    if (this.error !== undefined) return this.error;
    this.error = loss;
    this.tell();
    return loss;
  }

  /** Tells the listener of the loss, once: when both are there. */
  private tell(): void {
    if (this.listener === undefined || this.error === undefined || this.told) return;
    this.told = true;
    this.listener(this.error);
  }
}

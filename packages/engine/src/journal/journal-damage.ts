import { ArgoError } from "@argo/core";

/** SQLite's words for a file that is not (or no longer) a whole database: a torn write, a cut or overwritten file. */
const DAMAGE_CODES: ReadonlySet<unknown> = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB"]);

/**
 * INVALID_DATA naming the journal file when `error` is SQLite finding it damaged, else undefined. Damage can surface at
 * any read after opening (a page the open never touched): reported as an INTERNAL "database disk image is malformed",
 * it names neither the file nor what to do, and a trader cannot tell it from a bug.
 */
export function journalDamage(error: unknown, path: string): ArgoError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!DAMAGE_CODES.has(code)) return undefined;
  return new ArgoError(
    "INVALID_DATA",
    `the session journal ${path} is damaged (${(error as Error).message}). Move it (and its -wal and -shm files) away to start afresh, or restore it from a backup`,
    { cause: error, details: { path, sqlite: code } },
  );
}

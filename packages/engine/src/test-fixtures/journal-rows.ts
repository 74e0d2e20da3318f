import { Database } from "bun:sqlite";
import { join } from "node:path";

/** Rows of a session journal read as another process would (read-only, its own connection). */
export function journalRows<T>(sessionDir: string, sql: string): T[] {
  const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
  try {
    return db.query(sql).all() as T[];
  } finally {
    db.close();
  }
}

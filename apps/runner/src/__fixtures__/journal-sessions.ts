import { Database } from "bun:sqlite";

/** The named columns of a closed journal's sessions, oldest first (opened read-only, closed again). */
export function journalSessions<K extends string>(journal: string, columns: readonly K[]): Array<Record<K, string | number | null>> {
  const db = new Database(journal, { readonly: true });
  try {
    return db.query(`SELECT ${columns.join(", ")} FROM sessions ORDER BY id`).all() as Array<Record<K, string | number | null>>;
  } finally {
    db.close();
  }
}

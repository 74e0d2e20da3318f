import type { Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import type { AnyStrategy } from "../strategy/define-strategy.ts";
import { barsFromCloses } from "./bars.ts";
import { runEngine, testStrategy } from "./run-engine.ts";

/** A limit BUY of 1 X at 90 working at the venue: the order journal tests record. */
export const WORKING_LIMIT: Order = {
  symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 1, timeInForce: "GTC", clientOrderId: "o-1", venueOrderId: "v1",
  status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1,
};

/**
 * Writes into `dir` the journal of one paper session of strategy "s" holding {@link WORKING_LIMIT} and state n = 3 (and
 * what `more` records), closes it, then runs `edit` on its file as a person with sqlite3 would. Returns the file's path.
 */
export function editedJournal(dir: string, edit: string, more: (journal: Journal) => void = () => {}): string {
  const journal = new Journal(dir);
  journal.beginSession("s", ["X"], "1m", "paper");
  journal.order(WORKING_LIMIT);
  journal.state("s", "n", "3");
  more(journal);
  journal.close("completed");
  const path = join(dir, "journal.sqlite");
  const db = new Database(path);
  db.exec(edit);
  db.close();
  return path;
}

/** What opening the journal in `dir` and `read` on it throw (undefined when nothing); an opened journal is closed again. */
export function thrownBy(
  dir: string,
  read: (journal: Journal) => unknown = () => undefined,
): (Error & { code?: string; details?: Record<string, unknown> }) | undefined {
  let journal: Journal | undefined;
  try {
    journal = new Journal(dir);
    read(journal);
    return undefined;
  } catch (error) {
    return error as Error & { code?: string };
  } finally {
    journal?.close("completed");
  }
}

/**
 * A copy of the session directory `base` in `dir`, its journal edited by `edit` (as a person with sqlite3 would), then
 * a paper session resumed there over four bars with `onBar`: its outcome, how often init ran, and the cash init saw.
 */
export async function restartEdited(base: string, dir: string, edit: string, onBar: AnyStrategy["onBar"], trading: unknown) {
  cpSync(base, dir, { recursive: true });
  const db = new Database(join(dir, "journal.sqlite"));
  db.exec(edit);
  db.close();
  let inits = 0;
  let cash: number | undefined;
  const strategy = testStrategy({ init: (ctx) => void ((inits += 1), (cash = ctx.account().balance)), onBar });
  const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102, 103]), strategy, engine: { sessionDir: dir, trading } as never });
  return { run, inits, cash, path: join(dir, "journal.sqlite") };
}

/** Opens the journal of `dir`, runs `use`, and closes it. */
export function withJournal<T>(dir: string, use: (journal: Journal) => T): T {
  const journal = new Journal(dir);
  try {
    return use(journal);
  } finally {
    journal.close("completed");
  }
}

/**
 * Runs a session of `strategy` on `trading` over three bars into `base` (the journal the tamper tests copy and edit):
 * the client id of its market order and that order's fill id, as journaled.
 */
export async function journaledBase(base: string, strategy: AnyStrategy, trading: unknown): Promise<{ order: string; fill: string }> {
  const first = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), strategy, engine: { sessionDir: base, trading } as never });
  if (first.error !== undefined) throw first.error;
  const db = new Database(join(base, "journal.sqlite"), { readonly: true });
  try {
    return db.query("SELECT o.client_order_id AS 'order', f.id AS fill FROM orders o JOIN fills f USING (client_order_id) WHERE o.type = 'MARKET'").get() as { order: string; fill: string };
  } finally {
    db.close();
  }
}

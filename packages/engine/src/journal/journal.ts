import { ArgoError, type Bar, type Fill, intervalKey, isArgoError, type Order, TERMINAL_ORDER_STATUSES, type Trade } from "@argo/core";
import { Database, type Statement } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EquityMarks } from "../risk/trading-state.ts";
import { type FileIdentity, fileIdentity, isSameFile } from "./file-identity.ts";
import { fillKey } from "./fill-key.ts";
import { FILL_COLUMNS } from "./fill-rows.ts";
import { assertOwnWal, stampJournalId } from "./journal-id.ts";
import { isJournalLoss, JournalLoss, type JournalLossListener, unwritableJournal } from "./journal-loss.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";
import { openJournalTables } from "./journal-tables.ts";
import { recordedFills } from "./recorded-fills.ts";
import { barKey, isRecordRefusal, type RefusedRecord, refusedRecordsError } from "./refused-records.ts";
import { SecretScrubber } from "./secret-scrubber.ts";
import { journalFileIssue, sessionDirProblem } from "./session-dir.ts";
import { SessionLock } from "./session-lock.ts";
import { shortFilledOrders } from "./short-filled-orders.ts";
import { RiskStateRows } from "./risk-state-rows.ts";
import { journalDamage } from "./journal-damage.ts";
import { journalTableError, parseStoredJson, parseStoredOrder, STORED_ORDER_COLUMNS, type StoredOrderRow, storedRowError } from "./stored-rows.ts";
import { cutEndReason } from "./session-end-reason.ts";

/** Whether a stored interval has the bar size `key`; a stored text that is no interval has none. */
const sameBarSize = (stored: string, key: string): boolean => {
  try {
    return intervalKey(stored) === key;
  } catch {
    return false;
  }
};

/**
 * The statuses a venue gave an order for good. FAILED is not one: the engine sets it when the venue said it did not
 * hold the order, and a venue that shows the order after all (a lookup that lagged) must be believed, not refused.
 */
const ENDED_AT_VENUE: ReadonlySet<Order["status"]> = new Set([...TERMINAL_ORDER_STATUSES].filter((status) => status !== "FAILED"));
const endedAtVenue = (status: unknown): boolean => ENDED_AT_VENUE.has(status as Order["status"]);
const FINAL_STATUSES = [...ENDED_AT_VENUE].map((status) => `'${status}'`).join(", ");

/**
 * An order's record, written over the one it has: a final status is never written over with a working one (a venue
 * re-sending an old state of a finished order must not reopen its record for the next start to ask about again).
 */
const UPSERT_ORDER = `INSERT INTO orders (client_order_id, venue_order_id, symbol, side, type, status, quantity, filled_quantity,
  average_fill_price, created_at, updated_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_order_id) DO UPDATE SET
  venue_order_id = excluded.venue_order_id, symbol = excluded.symbol, side = excluded.side, type = excluded.type,
  status = excluded.status, quantity = excluded.quantity, filled_quantity = excluded.filled_quantity,
  average_fill_price = excluded.average_fill_price, created_at = excluded.created_at, updated_at = excluded.updated_at,
  data = excluded.data
  WHERE orders.status NOT IN (${FINAL_STATUSES}) OR excluded.status IN (${FINAL_STATUSES})`;

/** The trading venue a session trades at: its name and, when known, a key of its account there (see assertJournalVenue). */
export interface JournalVenue {
  name: string;
  account?: string | undefined;
}

/** A venue and account sessions of a journal recorded; null where a session did not record it (a journal written before). */
export interface RecordedVenue {
  venue: string | null;
  account: string | null;
}

/** A symbol's position as the journal's fills add up: bought minus sold, and all that traded (to tell rounding from holding). */
export interface FilledNet {
  symbol: string;
  net: number;
  traded: number;
}

/** When the journal writes its buffers: every `batchSize` records or `flushIntervalMs` of wall time, whichever comes first. */
export interface JournalOptions {
  batchSize?: number;
  flushIntervalMs?: number;
}

/**
 * The session journal: bars, orders, fills and strategy state in a bun:sqlite file (WAL mode).
 * Writes are buffered and written in one transaction per batch with prepared statements, so the
 * per-bar cost is an array push. Every text written is scrubbed of the session's secret values first (a venue may echo
 * a credential in a rejection reason); without secrets that costs nothing.
 */
export class Journal {
  readonly path: string;
  private readonly db: Database;
  private readonly insertBar: Statement;
  private readonly upsertOrder: Statement;
  private readonly insertFill: Statement;
  private readonly upsertState: Statement;
  private readonly deleteState: Statement;
  private readonly deletePending: Statement;
  private readonly orderStatus: Statement;
  /** Every statement prepared above: finalized on close, or SQLite keeps the file (and its -wal) open after it. */
  private readonly prepared: Statement[];
  private bars: Bar[] = [];
  private orders = new Map<string, Order>();
  private fills: Fill[] = [];
  private states: Array<[string, string, string | undefined]> = [];
  private readonly riskRows: RiskStateRows;
  /** The equity limits' newest marks, until written (only the newest matters). */
  private risk: EquityMarks | undefined;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private lastFlush = Date.now();
  private sessionId = 0;
  private readonly scrub: SecretScrubber;
  private readonly lock: SessionLock;
  /** The journal file as opened: SQLite writes through its open handle, even into a file removed since (see assertIntact). */
  private readonly identity: FileIdentity;
  /** Why the journal can no longer record, once it found out (see onLoss); then nothing more is written. */
  private readonly loss = new JournalLoss();

  /**
   * `secrets`: values that must never reach the file (config credentials); each is stored as REDACTED instead. A journal
   * whose tables were dropped, emptied of their sessions or made anew outside Argo is refused (INVALID_DATA naming the
   * file and the table: see openJournalTables), as is one beside a write-ahead log of another journal (see assertOwnWal)
   * and one SQLite cannot open (INVALID_CONFIGURATION); either way the file and the session's claim are let go.
   */
  constructor(sessionDir: string, options: JournalOptions = {}, secrets: readonly string[] = []) {
    this.scrub = new SecretScrubber(secrets);
    makeSessionDir(sessionDir);
    this.path = join(sessionDir, JOURNAL_FILE);
    this.lock = SessionLock.acquire(sessionDir);
    let db: Database | undefined;
    try {
      assertOwnWal(this.path);
      db = new Database(this.path, { create: true });
      db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
      openJournalTables(db, this.path);
      stampJournalId(db);
      this.identity = fileIdentity(this.path);
    } catch (error) {
      db?.close();
      this.lock.release();
      if (isArgoError(error)) throw error;
      // The checks read every table: a file damaged past its first page is found here, and said so.
      throw journalDamage(error, this.path) ?? new ArgoError("INVALID_CONFIGURATION", `cannot open the session journal ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    this.db = db;
    this.batchSize = options.batchSize ?? 1000;
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    const prepared: Statement[] = [];
    const prepare = (sql: string): Statement => {
      const statement = db.prepare(sql);
      prepared.push(statement);
      return statement;
    };
    try {
      // Every write names its columns: a later version's columns after Argo's take their default (see assertColumns).
      this.insertBar = prepare("INSERT OR REPLACE INTO bars (symbol, interval, open_time, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      this.upsertOrder = prepare(UPSERT_ORDER);
      // Only a fill already written is ignored: OR IGNORE would also drop, silently, a fill SQLite refuses (a NaN fee).
      this.insertFill = prepare(`INSERT INTO fills (${FILL_COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_order_id, id) DO NOTHING`);
      this.upsertState = prepare("INSERT OR REPLACE INTO state (strategy, key, value) VALUES (?, ?, ?)");
      this.deleteState = prepare("DELETE FROM state WHERE strategy = ? AND key = ?");
      this.deletePending = prepare("DELETE FROM orders WHERE client_order_id = ? AND status = 'PENDING'");
      this.orderStatus = prepare("SELECT status FROM orders WHERE client_order_id = ?");
      this.riskRows = new RiskStateRows(db, this.path);
      prepared.push(this.riskRows.upsert);
    } catch (error) {
      // The tables were checked (openJournalTables): what SQLite still cannot prepare is a table changed in another way.
      for (const statement of prepared) statement.finalize();
      db.close();
      this.lock.release();
      throw journalTableError(this.path, undefined, `its tables are not as Argo writes them (${(error as Error).message})`, {}, error);
    }
    this.prepared = prepared;
  }

  bar(bar: Bar): void {
    this.bars.push(bar);
  }

  /** Records an order's latest state (coalesced: only the newest state of each order is written; a final one is kept). */
  order(order: Order): void {
    const id = order.clientOrderId;
    if (this.orders.size !== 0 && !endedAtVenue(order.status)) {
      // As the write does (see UPSERT_ORDER): an old state coming after the final one must not replace it before it is written.
      const waiting = this.orders.get(id);
      if (waiting !== undefined && endedAtVenue(waiting.status)) return;
    }
    this.orders.set(id, order);
  }

  fill(fill: Fill): void {
    this.fills.push(fill);
  }

  /** Records a strategy state change as JSON text (undefined deletes the key). */
  state(strategy: string, key: string, json: string | undefined): void {
    this.states.push([strategy, key, json]);
  }

  /** Records the equity limits' marks (written with the next batch; a restart goes on from them, see loadRiskState). */
  riskState(marks: EquityMarks): void {
    this.risk = marks;
  }

  /**
   * Flushes when orders or fills are waiting (they are what a trader cannot afford to lose, and they are few), when a
   * batch of bars is full, or when the flush interval passed.
   */
  maybeFlush(): void {
    const pending = this.bars.length + this.orders.size + this.fills.length + this.states.length + (this.risk === undefined ? 0 : 1);
    if (pending === 0) return;
    if (this.orders.size !== 0 || this.fills.length !== 0 || pending >= this.batchSize || Date.now() - this.lastFlush >= this.flushIntervalMs) this.flush();
  }

  /**
   * Writes everything buffered in one transaction; the buffers are emptied only once it committed, so a failed write loses
   * nothing. Text columns go through the scrubber (a no-op without secrets); the serialised order covers any field a venue
   * filled. Side, type and status are the domain's fixed words, not venue text.
   *
   * A record SQLite refuses (a NaN, stored as NULL, in a NOT NULL column) would fail every later batch the same way and the
   * journal would record nothing more: the batch is then written record by record, only the refused ones are dropped, and
   * INVALID_DATA names them once the rest is written. Any other failure (busy, locked, disk full) keeps the buffers.
   *
   * A journal lost (see onLoss) throws the loss; once a listener was told of it, the buffers are dropped without a word:
   * they can no longer be recorded, and the same report every batch would repeat what the session already said.
   */
  flush(): void {
    if (this.loss.told) {
      this.clearBuffers();
      return;
    }
    this.assertIntact();
    try {
      this.db.transaction(() => this.writeBuffered())();
    } catch (error) {
      if (!isRecordRefusal(error)) throw this.failure(error);
      let refused: RefusedRecord[];
      try {
        refused = this.db.transaction(() => this.writeEach())();
      } catch (again) {
        throw this.failure(again);
      }
      this.clearBuffers();
      if (refused.length !== 0) throw refusedRecordsError(refused);
      return;
    }
    this.clearBuffers();
  }

  /** Writes every buffered record (inside a transaction). */
  private writeBuffered(): void {
    for (const b of this.bars) this.writeBar(b);
    for (const o of this.orders.values()) this.writeOrder(o);
    for (const f of this.fills) this.writeFill(f);
    for (const s of this.states) this.writeState(s);
    if (this.risk !== undefined) this.riskRows.write(this.risk);
  }

  /** Writes each buffered record on its own, collecting those SQLite refuses; any other failure aborts (and rolls back). */
  private writeEach(): RefusedRecord[] {
    const refused: RefusedRecord[] = [];
    const t = this.scrub;
    const attempt = (write: () => void, record: () => string): void => {
      try {
        write();
      } catch (error) {
        if (!isRecordRefusal(error)) throw error;
        refused.push({ record: record(), reason: t.text(String((error as Error).message)) });
      }
    };
    for (const b of this.bars) attempt(() => this.writeBar(b), () => barKey(t.text(String(b.symbol)), t.text(String(b.interval)), b.openTime));
    for (const o of this.orders.values()) attempt(() => this.writeOrder(o), () => `order ${t.text(String(o.clientOrderId))}`);
    for (const f of this.fills) attempt(() => this.writeFill(f), () => `fill ${t.text(String(f.id))} of order ${t.text(String(f.clientOrderId))}`);
    for (const s of this.states) attempt(() => this.writeState(s), () => `state ${t.text(String(s[1]))} of strategy ${t.text(String(s[0]))}`);
    const risk = this.risk;
    if (risk !== undefined) attempt(() => this.riskRows.write(risk), () => "the equity limits' marks");
    return refused;
  }

  private writeBar(b: Bar): void {
    const t = this.scrub;
    this.insertBar.run(t.text(b.symbol), t.text(b.interval), b.openTime, b.open, b.high, b.low, b.close, b.volume);
  }

  private writeOrder(o: Order): void {
    const t = this.scrub;
    this.upsertOrder.run(t.text(o.clientOrderId), t.text(o.venueOrderId), t.text(o.symbol), o.side, o.type, o.status, o.quantity,
      o.filledQuantity, o.averageFillPrice, o.createdAt, o.updatedAt, t.json(JSON.stringify(o)));
  }

  private writeFill(f: Fill): void {
    const t = this.scrub;
    this.insertFill.run(t.text(f.id), t.text(f.clientOrderId), t.text(f.venueOrderId), t.text(f.symbol), f.side, f.quantity, f.price, f.fee, f.time,
      f.feeCurrency === undefined ? null : t.text(f.feeCurrency), f.liquidity ?? null);
  }

  private writeState([strategy, key, json]: [string, string, string | undefined]): void {
    const t = this.scrub;
    if (json === undefined) this.deleteState.run(t.text(strategy), t.text(key));
    else this.upsertState.run(t.text(strategy), t.text(key), t.json(json));
  }

  private clearBuffers(): void {
    this.bars = [];
    this.orders = new Map();
    this.fills = [];
    this.states = [];
    this.risk = undefined;
    this.lastFlush = Date.now();
  }

  /**
   * The newest `limit` bars of a symbol at the bar size of `interval`, oldest first, each under the interval it was stored
   * with. Bars carry their feed's spelling ("1d" from a file a "24h" session reads): matched by name only, a restart would
   * find none and the stream would replay every bar to the strategy again. Found by the symbol as stored (secrets
   * replaced, as the bars were written), returned under `symbol`.
   */
  loadBars(symbol: string, interval: string, limit: number): Bar[] {
    const stored = this.scrub.text(symbol);
    const spellings = this.spellingsOf(stored, intervalKey(interval));
    if (spellings.length === 0) return [];
    const rows = this.db
      .query(`SELECT interval, open_time, open, high, low, close, volume FROM bars WHERE symbol = ? AND interval IN (${spellings.map(() => "?").join(", ")}) ORDER BY open_time DESC LIMIT ?`)
      .all(stored, ...spellings, limit * spellings.length) as Array<{ interval: string; open_time: number; open: number; high: number; low: number; close: number; volume: number }>;
    rows.reverse();
    // One bar per open time, should two spellings both hold it (a session whose feed changed its spelling): each spelling
    // may fill `limit` rows, so the newest `limit` remain after the duplicates go.
    const unique = rows.filter((r, i) => i === 0 || r.open_time !== rows[i - 1]!.open_time).slice(-limit);
    return unique.map((r) => ({ symbol, interval: r.interval, openTime: r.open_time, open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume }));
  }

  /**
   * The intervals the bars of `symbol` are stored under whose bar size is `key` (see intervalKey). Found one distinct
   * interval at a time through the primary key's index, so a long journal is not scanned bar by bar.
   */
  private spellingsOf(symbol: string, key: string): string[] {
    const next = this.db.query("SELECT interval FROM bars WHERE symbol = ? AND interval > ? ORDER BY interval LIMIT 1");
    const spellings: string[] = [];
    for (let row = next.get(symbol, "") as { interval: string } | null; row !== null; row = next.get(symbol, row.interval) as { interval: string } | null) {
      if (sameBarSize(row.interval, key)) spellings.push(row.interval);
    }
    return spellings;
  }

  /**
   * A strategy's saved state; a value that is not JSON is refused (INVALID_DATA naming the file, the strategy and the key),
   * and so is the journal when a state row names a strategy none of its sessions ran (see assertStateOwned). Found by the
   * name as stored (secrets replaced, as the rows were written): by the name as given, a strategy whose name holds a
   * secret would find none of its state at each restart.
   */
  loadState(strategy: string): Array<[string, unknown]> {
    this.assertStateOwned();
    const stored = this.scrub.text(strategy);
    const rows = this.db.query("SELECT key, value FROM state WHERE strategy = ?").all(stored) as Array<{ key: string; value: unknown }>;
    const row = (key: string) => ({ path: this.path, table: "state" as const, key: `key ${JSON.stringify(key)} of strategy ${JSON.stringify(stored)}` });
    return rows.map((r) => [r.key, parseStoredJson(row(r.key), r.value)]);
  }

  /**
   * Refuses a state row whose strategy no session of the journal ran (INVALID_DATA naming the file, the state table and
   * the row). Argo writes state under the name its session row records (both the strategy's name, scrubbed alike), and
   * assertJournalFits lets a session resume only its own strategy's journal: such a row was moved to another name
   * outside Argo, and left out of the resume, the strategy would start without that key (a "bought" flag gone, it buys
   * again). A row of no session at all was refused when the journal opened (openJournalTables). One pass over the
   * state table's keys, once per start.
   */
  private assertStateOwned(): void {
    const row = this.db.query("SELECT strategy, key FROM state WHERE strategy NOT IN (SELECT strategy FROM sessions) LIMIT 1").get() as { strategy: unknown; key: unknown } | null;
    if (row === null) return;
    const ran = this.recordedStrategies().map((name) => JSON.stringify(name)).join(", ");
    const key = `key ${JSON.stringify(String(row.key))} of strategy ${JSON.stringify(String(row.strategy))}`;
    throw storedRowError({ path: this.path, table: "state", key }, `belongs to a strategy no session of this journal ran (${ran})`);
  }

  /** The equity limits' marks the sessions before left (see riskState), undefined when none did; a damaged row is refused (INVALID_DATA). */
  loadRiskState(): EquityMarks | undefined {
    return this.riskRows.read();
  }

  /**
   * Records an order as it is about to be sent (status PENDING), written at once rather than with the next batch: if the
   * process stops before the venue answers, the next start asks the venue about it (reconcileJournalOrders) and its client
   * id stays taken, so it is never sent twice. The venue's answer or events replace the record as usual.
   */
  sending(order: Order): void {
    // A journal lost refuses every order with its loss, without looking at the files again.
    this.assertIntact();
    try {
      this.writeSending(order);
    } catch (error) {
      throw this.failure(error);
    }
  }

  private writeSending(order: Order): void {
    // On disk before the order leaves: a NORMAL commit in WAL mode survives the process dying but may roll back on an OS
    // crash or a power loss, and the strategy would then send the order again. One fsync per order; batches stay NORMAL.
    this.db.exec("PRAGMA synchronous = FULL");
    try {
      // What is buffered goes with it: the bar the order was decided on and the strategy's state. A restart that finds the
      // order but not its bar would replay the bar, and the strategy, deciding again, would send the order a second time.
      this.db.transaction(() => {
        this.writeBuffered();
        this.writeOrder(order);
      })();
    } catch (error) {
      if (!isRecordRefusal(error)) throw error;
      // A buffered record SQLite refuses must not stop the order: it goes alone, the next flush reports the refusal.
      this.writeOrder(order);
      return;
    } finally {
      this.db.exec("PRAGMA synchronous = NORMAL");
    }
    this.clearBuffers();
  }

  /**
   * Drops the record `sending` wrote for an order the venue certainly does not hold (it refused the order, or did not know
   * it when asked), so its client id is free again. A record the venue's events replaced (a REJECTED order it reported) stays.
   */
  unsent(clientOrderId: string): void {
    // A journal lost records nothing more: its file may be another session's by now (see assertIntact).
    if (this.loss.error !== undefined) return;
    try {
      this.deletePending.run(this.scrub.text(clientOrderId));
    } catch (error) {
      throw this.failure(error);
    }
  }

  /**
   * Whether the newest record of this order (still buffered, or written by this session or an earlier one) is final at
   * the venue (FAILED is not, see ENDED_AT_VENUE): a working state for it that a venue sends now is an old one re-sent.
   * One lookup by primary key.
   */
  endedOrder(clientOrderId: string): boolean {
    return this.endedStatus(clientOrderId) !== undefined;
  }

  /**
   * The final status the venue gave the order, as recorded (its buffered state when final, else its written one); undefined
   * when none. A buffered working state does not hide a written final one: the write refuses it (see UPSERT_ORDER), so
   * the written record is what the journal holds (a restart's replayed old state, buffered, must not reopen the order).
   */
  endedStatus(clientOrderId: string): Order["status"] | undefined {
    const waiting = this.orders.size === 0 ? undefined : this.orders.get(clientOrderId);
    if (waiting !== undefined && endedAtVenue(waiting.status)) return waiting.status;
    const status = this.storedStatus(clientOrderId);
    return endedAtVenue(status) ? (status as Order["status"]) : undefined;
  }

  /** The status of the order's written record; undefined when none was written. */
  private storedStatus(clientOrderId: string): unknown {
    const row = this.orderStatus.get(this.scrub.text(clientOrderId)) as { status: unknown } | null;
    return row === null ? undefined : row.status;
  }

  /**
   * `listener` is told, once, the first time this journal finds it can no longer record: its file or claim removed or
   * replaced (see assertIntact), or a write failing as isJournalLoss says (a failing disk, a damaged file). From then on
   * every order's record is refused with that loss without the files being looked at again, nothing more is written, and
   * flush and close no longer throw it (the listener reported it). Told at once if the loss came before.
   */
  onLoss(listener: JournalLossListener | undefined): void {
    this.loss.listen(listener);
  }

  /** Why this journal can no longer record, once it found out; undefined while it records. */
  get lost(): ArgoError | undefined {
    return this.loss.error;
  }

  /** What a failed write throws: the loss of the journal when the failure means one (isJournalLoss), else the failure. */
  private failure(error: unknown): unknown {
    return isJournalLoss(error) ? this.loss.lose(unwritableJournal(this.path, error)) : error;
  }

  /**
   * Throws INTERNAL when the journal file or the session's claim is no longer the one opened. A session directory removed
   * while the session runs (a cleanup of the data folder) fails no write: SQLite goes on writing through its open handle
   * into the deleted file, which no restart will read, and the claim goes with it, so another session may start there.
   * An order would then be sent "recorded" and be lost to the next start, which could send it again. Asked before every
   * order is recorded and every batch written: two stats, about a microsecond each, beside the fsync each order pays.
   * Once lost, the loss is thrown without a look at the files (see onLoss).
   */
  private assertIntact(): void {
    if (this.loss.error !== undefined) throw this.loss.error;
    if (!isSameFile(this.path, this.identity)) {
      throw this.loss.lose(new ArgoError("INTERNAL", `session journal ${this.path} was removed or replaced while the session ran (its directory deleted?): no later start would read what is written now, so nothing more is recorded and no order is sent; stop the session`, { details: { file: this.path } }));
    }
    if (!this.lock.intact()) {
      throw this.loss.lose(new ArgoError("INTERNAL", `session journal ${this.path}: its claim ${this.lock.path} was removed or replaced while the session ran, so another session may be using the directory: nothing more is recorded and no order is sent; stop the session`, { details: { file: this.lock.path } }));
    }
  }

  /** Whether an order with this client id was recorded, by this session or an earlier one (written or still buffered). */
  hasOrder(clientOrderId: string): boolean {
    return this.orders.has(clientOrderId) || this.storedStatus(clientOrderId) !== undefined;
  }

  /**
   * Orders whose last recorded status is not final (still working when a session stopped), oldest first. Each must read
   * back as an order (JSON with an id, a known status, a symbol, the filled quantity and fills): the restart asks the venue
   * about them and a paper venue takes them back, so a damaged row is refused (INVALID_DATA naming the file and the order).
   */
  unfinishedOrders(): Order[] {
    const final = [...TERMINAL_ORDER_STATUSES];
    const rows = this.db
      .query(`SELECT ${STORED_ORDER_COLUMNS.join(", ")} FROM orders WHERE status NOT IN (${final.map(() => "?").join(", ")}) ORDER BY created_at, rowid`)
      .all(...final) as StoredOrderRow[];
    return rows.map((row) => parseStoredOrder(this.path, row));
  }

  /**
   * Orders recorded as final whose filled quantity the journal's fills of them fall short of (the session stopped between
   * the order's final status and its execution event), each with those fills: the restart asks the venue for the rest.
   */
  shortFilledOrders(): Order[] {
    return shortFilledOrders(this.db, this.path);
  }

  /**
   * Every fill recorded, oldest first (ties in the order they were written), each with the name of the strategy whose
   * order it filled (fills carry no strategy of their own). A fill its recorded order does not cover (no such order, or
   * past its quantity) is refused, INVALID_DATA naming the file, the fills table and the fill, and so is an order whose
   * record lists a fill the table lost (naming the order): see recorded-fills.ts.
   */
  recordedFills(): Array<Fill & Pick<Trade, "strategyName">> {
    return recordedFills(this.db, this.path);
  }

  /** Keys (fillKey) of the newest `limit` fills recorded, oldest first: what a venue may still report again after a restart. */
  recentFillKeys(limit: number): string[] {
    const rows = this.db.query("SELECT client_order_id, id FROM fills ORDER BY rowid DESC LIMIT ?").all(limit) as Array<{ client_order_id: string; id: string }>;
    return rows.reverse().map((row) => fillKey(row.client_order_id, row.id));
  }

  /** The modes of the sessions this journal recorded so far ("live", "paper", "backtest"), each once. */
  recordedModes(): string[] {
    return (this.db.query("SELECT DISTINCT mode FROM sessions").all() as Array<{ mode: string }>).map((row) => row.mode);
  }

  /** The strategies of the sessions recorded so far, each once (as stored: secrets replaced), oldest first. */
  recordedStrategies(): string[] {
    const rows = this.db.query("SELECT strategy FROM sessions GROUP BY strategy ORDER BY MIN(id)").all() as Array<{ strategy: unknown }>;
    return rows.map((row) => String(row.strategy));
  }

  /** How `text` reads once stored here (secrets replaced), to compare with what the journal recorded. */
  stored(text: string): string {
    return this.scrub.text(text);
  }

  /** Per symbol, the recorded fills' bought minus sold quantity, and the total quantity traded. */
  filledNets(): FilledNet[] {
    const sql = `SELECT symbol, SUM(CASE side WHEN 'BUY' THEN quantity WHEN 'SELL' THEN -quantity ELSE 0 END) AS net,
      SUM(ABS(quantity)) AS traded FROM fills GROUP BY symbol ORDER BY symbol`;
    return (this.db.query(sql).all() as Array<{ symbol: string; net: number | null; traded: number | null }>)
      .map((r) => ({ symbol: String(r.symbol), net: Number(r.net ?? 0), traded: Number(r.traded ?? 0) }));
  }

  /**
   * The venues and accounts the sessions recorded so far (as stored: secrets replaced), each pair once, oldest first;
   * sessions of a journal written before venues were recorded read as null.
   */
  recordedVenues(): RecordedVenue[] {
    const rows = this.db.query("SELECT venue, account FROM sessions GROUP BY venue, account ORDER BY MIN(id)").all() as Array<{ venue: unknown; account: unknown }>;
    return rows.map((row) => ({ venue: row.venue === null ? null : String(row.venue), account: row.account === null ? null : String(row.account) }));
  }

  /**
   * The greatest venue order id of every order recorded, ended ones included, among ids ending in a digit, comparing by
   * length and then text: for ids numbered as a prefix and a number without leading zeros (a simulator's), the highest
   * number. One scan of a column, no order's JSON read. Undefined when no order has such an id.
   */
  greatestVenueOrderId(): string | undefined {
    const row = this.db
      .query("SELECT venue_order_id AS id FROM orders WHERE venue_order_id GLOB '*[0-9]' ORDER BY length(venue_order_id) DESC, venue_order_id DESC LIMIT 1")
      .get() as { id: unknown } | null;
    return row === null ? undefined : String(row.id);
  }

  /** Records the start of a session; `venue`: the trading venue and account it trades at (account absent: not known). */
  beginSession(strategy: string, symbols: readonly string[], interval: string, mode: string, venue?: JournalVenue): void {
    const t = this.scrub;
    const row = this.db
      .query("INSERT INTO sessions (strategy, symbols, interval, mode, started_at, venue, account) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .get(t.text(strategy), t.text(symbols.join(",")), t.text(interval), mode, Date.now(),
        venue === undefined ? null : t.text(venue.name), venue?.account === undefined ? null : t.text(venue.account)) as { id: number };
    this.sessionId = row.id;
  }

  /**
   * Flushes, records how the session ended and closes the file (for real: no statement is left to hold it open). A journal
   * lost (see onLoss) writes nothing, not even the end: it throws the loss unless a listener was told of it already.
   * `reason`: why it ended (see sessionEndReason; none for a session that completed), stored scrubbed of secrets.
   */
  close(status: string, reason?: string): void {
    try {
      if (this.loss.error !== undefined) {
        if (!this.loss.told) throw this.loss.error;
      } else {
        try {
          this.flush();
        } finally {
          // Also after a flush that refused a record: the rest was written, and the session did end. Not into a journal
          // the flush found lost: its file may be another session's by now.
          if (this.sessionId && this.loss.error === undefined) {
            const stored = reason === undefined ? null : cutEndReason(this.scrub.text(reason));
            this.db.query("UPDATE sessions SET ended_at = ?, status = ?, end_reason = ? WHERE id = ?").run(Date.now(), status, stored, this.sessionId);
          }
        }
      }
    } finally {
      try {
        for (const statement of this.prepared) statement.finalize();
        this.db.close();
      } finally {
        this.lock.release();
      }
    }
  }
}

/**
 * Creates the session directory (and its parents) when missing; INVALID_CONFIGURATION naming it when it cannot be for a
 * reason in the config (a file in its place or on its path, a parent this process may not write to). Any other failure
 * (a full disk) is thrown as it is.
 */
function makeSessionDir(sessionDir: string): void {
  try {
    mkdirSync(sessionDir, { recursive: true });
  } catch (error) {
    throw sessionDirProblem(sessionDir, error) ?? error;
  }
  // Refused here rather than at the first write, which would halt the session after it traded.
  const readOnly = journalFileIssue(sessionDir);
  if (readOnly !== undefined) throw new ArgoError("INVALID_CONFIGURATION", `session journal ${readOnly}`, { details: { sessionDir } });
}

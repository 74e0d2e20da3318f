/**
 * The fills table. A fill is known by its order and its id: a venue's fill ids need only be unique within the order (a
 * paper venue numbers them afresh each session, Binance per symbol), and a fill reported twice (an event and a later
 * check) is written once. Fee currency and liquidity are kept so a fill reads back as the venue reported it.
 */
export const FILLS_TABLE = `CREATE TABLE IF NOT EXISTS fills (
  id TEXT NOT NULL, client_order_id TEXT NOT NULL, venue_order_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL,
  quantity REAL NOT NULL, price REAL NOT NULL, fee REAL NOT NULL, time INTEGER NOT NULL, fee_currency TEXT, liquidity TEXT,
  PRIMARY KEY (client_order_id, id)
);`;

/**
 * Columns of risk_state added after it was first written: the maxDrawdown a drawdown reached and the maxDailyLoss the
 * loss of `day` reached (NULL: none), so a restart keeps the REDUCING they set. A journal written before gets them,
 * empty, when opened (RiskStateRows).
 */
export const RISK_STATE_REDUCING_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [["reducing_drawdown", "REAL"], ["reducing_daily_loss", "REAL"]];

/**
 * Columns of risk_state added after the REDUCING ones: the equity of the last time step the limits judged and the engine
 * clock it was judged at (its close), both NULL when none is kept (a halted session judges no later step). A session
 * resumed between two symbols' bars of a step that opens a new UTC day starts that day from it, as without the stop.
 * Read only when the bars hold no step between it and their newest (RiskStateRows). A journal written before gets them,
 * empty, when opened.
 */
export const RISK_STATE_LAST_STEP_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [["last_step_equity", "REAL"], ["last_step_time", "INTEGER"]];

/** Every column of risk_state added after it was first written, in the order they come after `day`. */
export const RISK_STATE_ADDED_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [...RISK_STATE_REDUCING_COLUMNS, ...RISK_STATE_LAST_STEP_COLUMNS];

/**
 * The equity limits' marks a restart goes on from (EquityMarks): one row (id 1), apart from the strategy's state, whose
 * keys are the strategy's own. `day` is the UTC midnight (epoch ms) of the day `day_start_equity` belongs to.
 */
export const RISK_STATE_TABLE = `CREATE TABLE IF NOT EXISTS risk_state (
  id INTEGER PRIMARY KEY CHECK (id = 1), peak REAL NOT NULL, day_start_equity REAL NOT NULL, day INTEGER NOT NULL${RISK_STATE_ADDED_COLUMNS.map(([name, type]) => `, ${name} ${type}`).join("")}
);`;

/**
 * Columns of the sessions table added after it was first written: the trading venue's name and the account the session
 * traded (NULL: not known). A journal written before gets them, empty, when opened (migrate-sessions.ts).
 */
export const SESSION_VENUE_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [["venue", "TEXT"], ["account", "TEXT"]];

/**
 * Column of the sessions table added after the venue's: why the session ended (NULL: it completed, or had not ended, or
 * ended before it was recorded). See sessionEndReason. A journal written before gets it, empty, when opened.
 */
export const SESSION_END_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [["end_reason", "TEXT"]];

/** Every column of the sessions table added after it was first written, in the order they come after `status`. */
export const SESSION_ADDED_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [...SESSION_VENUE_COLUMNS, ...SESSION_END_COLUMNS];

/** Tables of the session journal; bars are keyed by symbol, interval and open time so a replayed bar overwrites itself. */
export const JOURNAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS bars (
  symbol TEXT NOT NULL, interval TEXT NOT NULL, open_time INTEGER NOT NULL,
  open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL,
  PRIMARY KEY (symbol, interval, open_time)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS orders (
  client_order_id TEXT PRIMARY KEY, venue_order_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, quantity REAL, filled_quantity REAL, average_fill_price REAL,
  created_at INTEGER, updated_at INTEGER, data TEXT NOT NULL
);
${FILLS_TABLE}
${RISK_STATE_TABLE}
CREATE TABLE IF NOT EXISTS state (
  strategy TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (strategy, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, strategy TEXT NOT NULL, symbols TEXT NOT NULL, interval TEXT NOT NULL,
  mode TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER, status TEXT${SESSION_ADDED_COLUMNS.map(([name, type]) => `, ${name} ${type}`).join("")}
);
`;

/** File name of the journal inside a session directory. */
export const JOURNAL_FILE = "journal.sqlite";

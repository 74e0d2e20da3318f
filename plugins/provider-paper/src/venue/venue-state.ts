import { BarCloser, type ConnectionState, type Trade, type TradingEventListener } from "@argo/core";
import type { PaperConfig } from "../config/paper-config-schema.ts";
import type { SlippageConfig } from "../config/slippage-schema.ts";
import { ClientIdIndex } from "./client-id-index.ts";
import type { DueDayEnds } from "./day-expiry.ts";
import type { OrderRecord } from "./order-record.ts";
import type { SymbolBook } from "./symbol-book.ts";

/** The whole state of one paper venue; the functions of this folder operate on it. */
export interface VenueState {
  readonly name: string;
  readonly config: PaperConfig;
  readonly currency: string;
  readonly makerRate: number;
  readonly takerRate: number;
  /** The higher of the two rates: what placement checks and reservations assume. */
  readonly worstRate: number;
  readonly minFee: number;
  readonly latencyMs: number;
  /** Largest share of a bar's volume per order; +Infinity when unlimited. */
  readonly maxVolumeShare: number;
  readonly allowShorting: boolean;
  readonly slippage: SlippageConfig;
  /** Symbols that exist; undefined: any seen in a bar or given rules. */
  readonly allowed: ReadonlySet<string> | undefined;

  connection: ConnectionState;
  /** The venue clock (epoch ms), moved only by setTime and bars; never goes back. */
  now: number;
  nextOrderNumber: number;
  nextFillNumber: number;
  /** Every order by client id (records live in byNumber). */
  byClientId: ClientIdIndex;
  /** Orders by number: venue id "P<n>" is at index n - 1 (an array, not a Map, as venue ids are dense). */
  byNumber: Array<OrderRecord | undefined>;
  /** Set once a caller used an id of the generated form ("paper-…"); until then generated ids need no lookup. */
  callerUsedGeneratedForm: boolean;
  /**
   * Client ids of bracket legs not created yet, held so nobody else takes them; after a restore also the ids of
   * filled orders it did not take back (restore-ids.ts), so a retried order is still told it exists.
   */
  reservedIds: Set<string>;
  books: Map<string, SymbolBook>;
  /**
   * Books holding a position, in the order they opened: equity and exposure sums run over these only.
   * An array rather than a Set: the sums run several times per order and a Set's iterator may be allocated each time.
   */
  positioned: SymbolBook[];

  cash: number;
  realizedPnl: number;
  totalFees: number;
  /** Cash set aside for open orders that would open or add to positions. */
  reservedCash: number;
  /**
   * Set when the account changed without a fill (an order reserved or released cash): the venue call in progress emits
   * the account before it returns (events.ts flushAccount); a fill's account event tells it too.
   */
  accountDue: boolean;

  trades: Trade[];
  listeners: TradingEventListener[];
  /** Open DAY orders and the earliest of their expiries. */
  dayOrders: OrderRecord[];
  nextDayExpiry: number;
  /** Set by setTime when a DAY order is due: the next venue call, or a bar reaching the clock, expires it. */
  clockSweepDue: boolean;
  /** True while DAY orders are being expired: a listener's call must not start a second sweep over the same list. */
  sweeping: boolean;
  processing: boolean;
  /** Set once `restore` took back an account (restore.ts): it may happen only once, on a fresh venue. */
  restored: boolean;
  /** What a restore proved due and left to the venue's next call to expire (day-expiry.ts deferRestoredExpiry). */
  restoreDue: DueDayEnds | undefined;
  /** Close times of the bars fed. */
  closer: BarCloser;
  /** Set by the first bar fed (restore refuses a venue that has seen bars). */
  sawBar: boolean;
  /** The book of the last bar, so a bar of the same symbol skips the Map lookup. */
  lastBook: SymbolBook | undefined;
}

/** A fresh venue state for a validated config. */
export function createVenueState(config: PaperConfig, name = "paper"): VenueState {
  const { makerRate, takerRate, minimum } = config.commission;
  const byNumber: Array<OrderRecord | undefined> = [];
  return {
    name,
    config,
    currency: config.currency,
    makerRate,
    takerRate,
    worstRate: Math.max(makerRate, takerRate),
    minFee: minimum,
    latencyMs: config.latencyMs,
    maxVolumeShare: config.maxVolumeShare ?? Number.POSITIVE_INFINITY,
    allowShorting: config.allowShorting,
    slippage: config.slippage,
    allowed: config.symbols ? new Set(config.symbols) : undefined,
    connection: "DISCONNECTED",
    now: 0,
    nextOrderNumber: 1,
    nextFillNumber: 1,
    byClientId: new ClientIdIndex(byNumber),
    byNumber,
    callerUsedGeneratedForm: false,
    reservedIds: new Set(),
    books: new Map(),
    positioned: [],
    cash: config.initialCapital,
    realizedPnl: 0,
    totalFees: 0,
    reservedCash: 0,
    accountDue: false,
    trades: [],
    listeners: [],
    dayOrders: [],
    nextDayExpiry: Number.POSITIVE_INFINITY,
    clockSweepDue: false,
    sweeping: false,
    processing: false,
    restored: false,
    restoreDue: undefined,
    closer: new BarCloser(),
    sawBar: false,
    lastBook: undefined,
  };
}

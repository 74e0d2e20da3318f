import {
  type Account,
  type Bar,
  type ConnectionState,
  type Order,
  type OrderRequest,
  type PlaceResult,
  type Position,
  type SimulatedVenue,
  type SymbolIncrements,
  type Trade,
  type TradeFilter,
  type TradingEventListener,
  type VenueRecord,
  toArgoError,
} from "@argo/core";
import type { PaperConfig } from "../config/paper-config-schema.ts";
import { bookFor, openBook } from "./book-for.ts";
import { cancelAllOrders, cancelOrder } from "./cancel-order.ts";
import { estimatedSlippedPrice } from "./costs.ts";
import { settleClock } from "./day-expiry.ts";
import { assertConnected, invalidOrder, venueError } from "./errors.ts";
import { emit } from "./events.ts";
import { findOrder } from "./find-order.ts";
import { maxQuantity } from "./funds.ts";
import { accountSnapshot } from "./ledger.ts";
import { placeOrder } from "./place-order.ts";
import { processBar } from "./process-bar.ts";
import { openOrders, positions, trades } from "./queries.ts";
import { restoreVenue } from "./restore.ts";
import { advanceClock } from "./start-clock.ts";
import { orderSnapshot, positionSnapshot } from "./snapshots.ts";
import { resolveSymbolRules } from "./symbol-rules.ts";
import { createVenueState, type VenueState } from "./venue-state.ts";

/**
 * The `paper` venue: a local exchange simulator driven by the bars the engine feeds it, on its own
 * clock. Everything it returns is a copy; its state changes only through its methods.
 */
export class PaperVenue implements SimulatedVenue {
  readonly simulated = true as const;
  readonly name: string;
  readonly #state: VenueState;

  constructor(config: PaperConfig, name = "paper") {
    this.name = name;
    this.#state = createVenueState(config, name);
  }

  async connect(): Promise<void> {
    this.#setConnection("CONNECTED");
  }

  async disconnect(): Promise<void> {
    this.#setConnection("DISCONNECTED");
  }

  connectionState(): ConnectionState {
    return this.#state.connection;
  }

  async placeOrder(request: OrderRequest): Promise<Order> {
    return placeOrder(this.#state, request);
  }

  placeOrderSync(request: OrderRequest): Order {
    return placeOrder(this.#state, request);
  }

  async placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]> {
    return requests.map((request): PlaceResult => {
      try {
        return { ok: true, order: placeOrder(this.#state, request) };
      } catch (error) {
        return { ok: false, error: toArgoError(error, "INTERNAL", this.name), request };
      }
    });
  }

  async cancelOrder(orderId: string): Promise<Order> {
    return cancelOrder(this.#ready(), orderId);
  }

  async cancelAllOrders(symbol?: string): Promise<Order[]> {
    return cancelAllOrders(this.#ready(), symbol);
  }

  async getOrder(orderId: string): Promise<Order> {
    return orderSnapshot(findOrder(this.#ready(), orderId).order);
  }

  async getOpenOrders(symbol?: string): Promise<Order[]> {
    return openOrders(this.#ready(), symbol);
  }

  async getPositions(): Promise<Position[]> {
    return positions(this.#ready());
  }

  async getPosition(symbol: string): Promise<Position | undefined> {
    const book = this.#ready().books.get(symbol);
    return book?.position ? positionSnapshot(book, book.position) : undefined;
  }

  async getAccount(): Promise<Account> {
    return accountSnapshot(this.#ready());
  }

  async getTrades(filter?: TradeFilter): Promise<Trade[]> {
    return trades(this.#ready(), filter);
  }

  async getMaxBuyQuantity(symbol: string, price?: number): Promise<number> {
    return this.#maxQuantity(symbol, true, price);
  }

  async getMaxSellQuantity(symbol: string, price?: number): Promise<number> {
    return this.#maxQuantity(symbol, false, price);
  }

  /**
   * The lot and tick steps of `symbol` from the config (its `symbolRules` entry, else `defaultRules`), undefined when
   * neither sets one. Read from the config, not a book: it needs no connection and opens no book for an unknown symbol.
   */
  async getSymbolIncrements(symbol: string): Promise<SymbolIncrements | undefined> {
    const { stepSize, tickSize } = resolveSymbolRules(this.#state.config, String(symbol));
    if (stepSize === 0 && tickSize === 0) return undefined;
    const increments: SymbolIncrements = {};
    if (stepSize > 0) increments.stepSize = stepSize;
    if (tickSize > 0) increments.tickSize = tickSize;
    return increments;
  }

  on(listener: TradingEventListener): () => void {
    const state = this.#state;
    state.listeners = [...state.listeners, listener];
    return () => {
      state.listeners = state.listeners.filter((l) => l !== listener);
    };
  }

  processBar(bar: Bar): void {
    processBar(this.#state, bar);
  }

  setTime(time: number): void {
    const state = this.#state;
    if (!Number.isFinite(time)) throw venueError(state, "INVALID_DATA", `setTime needs epoch milliseconds, got ${time}`, { time });
    // The clock never runs backwards: an order's arrival must not precede a bar it was judged against.
    advanceClock(state, time);
    // Not expired here: the engine sets the clock to a bar's close before feeding that bar, which may still
    // trade a DAY order whose day ended inside it. That bar, or else the venue's next call, settles it.
    if (state.now >= state.nextDayExpiry) state.clockSweepDue = true;
  }

  /**
   * Takes back the account a session journal recorded (restore.ts): its fills into cash, positions and trades, its
   * working orders as they were. Once, right after connect and before anything else; throws an ArgoError naming a bad fill.
   */
  restore(record: VenueRecord): void {
    restoreVenue(this.#state, record);
  }

  /**
   * Opens a book for each session symbol not open yet, so orders placed before its first bar (a strategy's init) are
   * taken: a limit order rests, a market order is refused for want of a price. A config `symbols` list still decides
   * what exists: a symbol outside it stays UNKNOWN_SYMBOL (checkSession reports that before a run).
   */
  addSymbols(symbols: readonly string[]): void {
    const state = this.#state;
    for (const symbol of symbols) {
      if (state.allowed === undefined || state.allowed.has(symbol)) openBook(state, symbol);
    }
  }

  /** The venue clock (epoch ms). */
  now(): number {
    return this.#state.now;
  }

  /** The state, once the venue is known connected and the expiries the clock made due are settled (day-expiry.ts). */
  #ready(): VenueState {
    const state = this.#state;
    assertConnected(state);
    settleClock(state);
    return state;
  }

  #maxQuantity(symbol: string, buy: boolean, price: number | undefined): number {
    const state = this.#ready();
    const book = bookFor(state, symbol);
    const reference = price ?? (book.mark === book.mark ? estimatedSlippedPrice(state, book.mark, buy, book.rules) : Number.NaN);
    if (price !== undefined && !(price > 0)) throw invalidOrder(state, `price must be a positive number, got ${price}`, { field: "price" });
    if (reference !== reference) return 0;
    return maxQuantity(state, book, buy, reference);
  }

  #setConnection(next: ConnectionState): void {
    const state = this.#state;
    if (state.connection === next) return;
    state.connection = next;
    emit(state, { type: "connection", state: next });
  }
}

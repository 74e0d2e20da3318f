import { type Account, isTerminalStatus, type Order, type Position } from "@argo/core";
import { signedQuantity } from "../risk/exposure.ts";
import { EvictionRing } from "./eviction-ring.ts";

/** Finished orders remembered for telling a late answer from news: far more than can be in flight at once. */
export const FINISHED_ORDERS_KEPT = 4096;

/**
 * The engine's local copy of the venue: account, positions and orders, kept current from the
 * provider's events so strategy reads are synchronous and cost no venue round trip.
 */
export class AccountMirror {
  private current: Account;
  readonly positionsBySymbol = new Map<string, Position>();
  readonly openOrdersById = new Map<string, Order>();
  /** The same open orders by symbol: what works against a position is summed over its own symbol's orders alone. */
  private readonly openBySymbol = new Map<string, Map<string, Order>>();
  /**
   * Open orders and the last {@link FINISHED_ORDERS_KEPT} finished ones by client id, newest state. Bounded, so a
   * long session does not hold every order it ever placed, and a small map stays cheap to look up on every event.
   */
  readonly orders = new Map<string, Order>();
  /** Client ids of finished orders in the order they finished: the oldest leaves `orders` first. */
  private readonly finished = new EvictionRing(FINISHED_ORDERS_KEPT);
  private positionList: Position[] | undefined;
  private openOrderList: Order[] | undefined;
  private positionChanges = 0;
  private orderChanges = 0;
  /**
   * Symbols with a fill that no position event has followed yet: a venue that answers across a network may report a fill
   * (in a placement's answer, or as an event) before the position that holds it, so until then the position may be old.
   */
  private readonly unconfirmed = new Set<string>();

  /**
   * Set by a fill, cleared by the next account event (or read): a venue across a network may report a fill before the
   * account that pays for it, so until then the balance may be from before that fill.
   */
  private accountStale = false;
  /** Fills noted in every symbol: an account read answered while this moved may not hold the newest fill. */
  private fillTotal = 0;

  constructor(account: Account, positions: readonly Position[], openOrders: readonly Order[]) {
    this.current = account;
    // As a read's positions are applied: a venue listing a flat one (quantity 0) does not make the strategy see "LONG 0".
    for (const position of positions) if (position.quantity !== 0) this.positionsBySymbol.set(position.symbol, position);
    for (const order of openOrders) this.applyOrder(order);
  }

  /** Applies an order state; returns false when it is older news than what the mirror holds (a terminal order never reopens). */
  applyOrder(order: Order): boolean {
    const id = order.clientOrderId;
    const known = this.orders.get(id);
    // The same object again (a venue's answer and its event often share one): nothing to store, only
    // its open/closed membership to confirm. Writes to these maps cost more than reads.
    if (known !== order) {
      // Events arrive in venue order; only a placement or cancel answer can be older than what events
      // already said. Timestamps are not compared: venues stamp fills with the bar or trade time.
      if (known !== undefined && (order.filledQuantity < known.filledQuantity || (isTerminalStatus(known.status) && !isTerminalStatus(order.status)))) {
        return false;
      }
      this.orders.set(id, order);
      if (isTerminalStatus(order.status) && (known === undefined || !isTerminalStatus(known.status))) this.remember(id);
    }
    if (isTerminalStatus(order.status)) {
      if (this.openOrdersById.delete(id)) {
        this.openOrderList = undefined;
        this.openBySymbol.get(order.symbol)?.delete(id);
      }
    } else if (this.openOrdersById.get(id) !== order) {
      this.openOrdersById.set(id, order);
      this.openOrderList = undefined;
      let ofSymbol = this.openBySymbol.get(order.symbol);
      if (ofSymbol === undefined) this.openBySymbol.set(order.symbol, (ofSymbol = new Map()));
      ofSymbol.set(id, order);
    }
    // Counted even for the same object again: a venue may have changed its own object in place before re-sending it.
    this.orderChanges++;
    return true;
  }

  /** Grows with every order state applied: views built from the open orders are stale once it moved. */
  get orderVersion(): number {
    return this.orderChanges;
  }

  /** Grows with every position event: views built from the positions are stale once it moved. */
  get positionVersion(): number {
    return this.positionChanges;
  }

  /** The open orders of one symbol by client id (undefined when it never had one). */
  openOrdersOf(symbol: string): ReadonlyMap<string, Order> | undefined {
    return this.openBySymbol.get(symbol);
  }

  /** Notes a finished order; past the limit the longest-finished one is forgotten (answers about it are long settled). */
  private remember(id: string): void {
    // A finished order never reopens and ids are not reused: the oldest one can simply go. An old state of it sent again
    // later is refused by its journal record instead (see endedLongAgo in trading-events.ts).
    const evicted = this.finished.add(id);
    if (evicted === undefined) return;
    this.orders.delete(evicted);
    if (this.eventStates.size !== 0) this.eventStates.delete(evicted);
  }

  /** The state of each order's latest event the mirror applied, by client id: what a repeat of it shows (see repeatsEvent). */
  private readonly eventStates = new Map<string, string>();

  /**
   * Whether an order event only repeats the latest event applied for that order (a venue re-sending it after a reconnect,
   * a broker sending one status twice, a backlog replayed oldest first): nothing changed, so nothing is recorded or
   * reported again. `state` is {@link eventState} of the event. Only applied events count (see eventApplied): a replayed
   * stale event the mirror refuses must not become the state the replayed newest one is compared with.
   */
  repeatsEvent(clientOrderId: string, state: string): boolean {
    return this.eventStates.get(clientOrderId) === state;
  }

  /**
   * Whether `order` only repeats the state the last order event applied for it brought, stamped otherwise: a lookup's
   * answer carries the venue's REST time (Binance's updateTime), the stream's event its own, and either may come second
   * (a reconnect's resync beside the stream). The strategy was told that state once. A final state is the same state
   * with the same status and filled quantity; a working one also with the same quantity, prices, trigger and average
   * fill price (an amended order is news).
   */
  repeatsState(order: Order): boolean {
    const last = this.eventStates.get(order.clientOrderId);
    if (last === undefined) return false;
    if (isTerminalStatus(order.status)) return last.startsWith(`${order.status}|${order.filledQuantity}|`);
    const state = eventState(order);
    return last.slice(0, last.lastIndexOf("|")) === state.slice(0, state.lastIndexOf("|"));
  }

  /** Notes `order`'s state as if its event had been applied (see {@link eventApplied}): the same state sent again is a repeat. */
  stateTold(order: Order): void {
    this.eventApplied(order.clientOrderId, eventState(order));
  }

  /** Notes the state of an order event the mirror applied (applyOrder returned true): later events equal to it are repeats. */
  eventApplied(clientOrderId: string, state: string): void {
    // The order is in `orders` now (applyOrder just stored it): its entry leaves with it (see remember), so this stays bounded.
    this.eventStates.set(clientOrderId, state);
  }

  /** Fills noted per symbol: a position read answered while this moved may not hold the newest fill. */
  private readonly fillCounts = new Map<string, number>();
  /** The venue's time of the newest fill noted per symbol, and in every symbol: an event stamped earlier predates it. */
  private readonly fillTimes = new Map<string, number>();
  private lastFillTime = Number.NEGATIVE_INFINITY;
  /**
   * Symbols whose newest fill time more than one fill shares, and whether every symbol's does: an event stamped with that
   * time may have been made between those fills (venues stamp to the second, or one time for a whole sweep), so it
   * confirms nothing; only a later stamp, or a read, does.
   */
  private readonly sharedFillTime = new Set<string>();
  private lastFillTimeShared = false;

  /** Notes a fill in `symbol` at the venue's `time`: its position is unconfirmed until a later position event (or a read) for it. */
  fillNoted(symbol: string, time: number): void {
    this.unconfirmed.add(symbol);
    this.fillCounts.set(symbol, (this.fillCounts.get(symbol) ?? 0) + 1);
    const newest = this.fillTimes.get(symbol);
    if (newest === undefined || !(time <= newest)) {
      this.fillTimes.set(symbol, time);
      if (this.sharedFillTime.size !== 0) this.sharedFillTime.delete(symbol);
    } else if (time === newest) this.sharedFillTime.add(symbol);
    if (!(time <= this.lastFillTime)) {
      this.lastFillTime = time;
      this.lastFillTimeShared = false;
    } else if (time === this.lastFillTime) this.lastFillTimeShared = true;
    this.accountStale = true;
    this.fillTotal++;
  }

  /** How many fills in `symbol` (in every symbol when omitted) were noted so far. */
  fillsNoted(symbol?: string): number {
    return symbol === undefined ? this.fillTotal : (this.fillCounts.get(symbol) ?? 0);
  }

  /** The venue's account as of its latest event or read. */
  get account(): Account {
    return this.current;
  }

  /**
   * Applies the venue's answer to an account read, or an account event (`fromEvent`). An event stamped before the newest
   * fill was generated before it, even when delivered after (a venue sending account values on a timer of its own): its
   * figures are taken but the account stays unconfirmed, so the risk limits and the next turn read it first. So is one
   * stamped with the newest fill's time when more than one fill has that time (it may lie between them), and one
   * without a stamp. Such an event makes the account unconfirmed even after a fresher one confirmed it: delivered late
   * (a venue's timer, events reordered on the wire), its older figures would otherwise stand as current.
   */
  applyAccount(account: Account, fromEvent = false): void {
    this.current = account;
    this.accountStale = fromEvent && !this.stampHoldsFills(account.updatedAt, this.lastFillTime, this.lastFillTimeShared);
  }

  /**
   * Marks the account as to be read: positions were just read from the venue and may hold fills its account events have
   * not brought yet (an account event after those fills, or a read, confirms it again).
   */
  accountNeedsRead(): void {
    this.accountStale = true;
  }

  /** Whether the account holds every fill noted so far, as far as the venue's account events tell. */
  get accountConfirmed(): boolean {
    return !this.accountStale;
  }

  /** Whether the position of `symbol` holds every fill noted so far, as far as the venue's position events tell. */
  positionConfirmed(symbol: string): boolean {
    return this.unconfirmed.size === 0 || !this.unconfirmed.has(symbol);
  }

  /** The symbols whose position is not confirmed (see positionConfirmed), as a list of its own. */
  unconfirmedSymbols(): string[] {
    return [...this.unconfirmed];
  }

  /** Whether every position holds every fill noted so far. */
  get positionsConfirmed(): boolean {
    return this.unconfirmed.size === 0;
  }

  /** Whether the account and every position hold every fill noted so far: only then is equity (cash + positions) a figure that was. */
  get confirmed(): boolean {
    return this.unconfirmed.size === 0 && !this.accountStale;
  }

  /**
   * Applies the venue's answer to a position read, or a position event (`fromEvent`; undefined = flat). An event confirms
   * the position only when stamped no earlier than the symbol's newest fill: one generated before that fill but delivered
   * after it holds the old quantity (and not at its time when two fills share it, see stampHoldsFills). A flat event
   * carries no stamp, so after a fill it is taken but confirms nothing (a flat generated before an opening fill would
   * otherwise stand for the new position): the next read settles it. Such an event unconfirms a position a fresher
   * event or a read had confirmed, unless it shows what the mirror holds: delivered late, an older quantity would
   * otherwise stand as current.
   */
  applyPosition(symbol: string, position: Position | undefined, fromEvent = false): void {
    if (!fromEvent || this.eventConfirms(symbol, position)) {
      if (this.unconfirmed.size !== 0) this.unconfirmed.delete(symbol);
    } else if (!this.holdsAlready(symbol, position)) this.unconfirmed.add(symbol);
    if (position == null || position.quantity === 0) this.positionsBySymbol.delete(symbol); // null: a JavaScript venue's "flat"
    else this.positionsBySymbol.set(symbol, position);
    this.positionList = undefined;
    this.positionChanges++;
  }

  /** Whether the mirror holds `position` of `symbol` already (both flat, or the same side and quantity). */
  private holdsAlready(symbol: string, position: Position | undefined): boolean {
    const held = this.positionsBySymbol.get(symbol);
    if (position == null || position.quantity === 0) return held === undefined;
    return held !== undefined && held.side === position.side && held.quantity === position.quantity;
  }

  /** Whether a position event for `symbol` was generated after its newest fill (see applyPosition). */
  private eventConfirms(symbol: string, position: Position | undefined): boolean {
    const filledAt = this.fillTimes.get(symbol);
    if (filledAt === undefined) return true;
    return position != null && position.quantity !== 0 && this.stampHoldsFills(position.updatedAt, filledAt, this.sharedFillTime.has(symbol));
  }

  /**
   * Whether an event stamped `stamp` was made after every fill up to `filledAt`: stamped later, or at the same time when
   * only one fill has it (venues stamp a fill and the position or balance it made with the same trade time). Without a
   * fill yet, any event holds them all; after one, an event without a stamp (a venue that sends none) cannot say so.
   */
  private stampHoldsFills(stamp: number | undefined, filledAt: number, shared: boolean): boolean {
    if (filledAt === Number.NEGATIVE_INFINITY) return true;
    return stamp !== undefined && stamp >= filledAt && !(shared && stamp === filledAt);
  }

  /** The engine's own list of the positions (the venue's objects): for engine paths only, never handed to a strategy. */
  positions(): readonly Position[] {
    if (this.positionList === undefined) this.positionList = [...this.positionsBySymbol.values()];
    return this.positionList;
  }

  /** The engine's own list of the open orders (the venue's objects): for engine paths only, never handed to a strategy. */
  openOrders(symbol?: string): readonly Order[] {
    if (this.openOrderList === undefined) this.openOrderList = [...this.openOrdersById.values()];
    return symbol === undefined ? this.openOrderList : this.openOrderList.filter((o) => o.symbol === symbol);
  }

  /** Equity marked at the latest prices: cash + Σ signed quantity × price (`priceOf` returns NaN when unknown, then the venue's mark is used). */
  equity(priceOf: (symbol: string) => number): number {
    let equity = this.current.balance;
    for (const position of this.positionsBySymbol.values()) {
      let price = priceOf(position.symbol);
      if (!(price > 0)) price = position.marketPrice;
      equity += signedQuantity(position) * price;
    }
    return equity;
  }
}

/**
 * What an order event shows, as text compared by value: a venue may re-send its own object changed in place, so the
 * object (or one kept from before) cannot stand for the state it had.
 */
export function eventState(order: Order): string {
  return `${order.status}|${order.filledQuantity}|${order.quantity}|${order.limitPrice}|${order.stopPrice}|${order.triggeredAt}|${order.averageFillPrice}|${order.updatedAt}`;
}

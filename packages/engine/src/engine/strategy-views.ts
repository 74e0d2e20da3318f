import type { Account, Order, Position } from "@argo/core";
import { signedQuantity } from "../risk/exposure.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { frozenCopy } from "./frozen-copy.ts";

const NONE: readonly never[] = Object.freeze([]);

/**
 * What a strategy reads of the account, positions and open orders. Two promises:
 *
 * - Marked at the newest close the engine has for each symbol, the price its own equity (risk checks, drawdown halt,
 *   equity curve) uses. The mirror changes only on venue events, which a simulator sends after fills: without the mark
 *   a position bought at 100 still read 100 and no loss after the close fell to 90. The engine's close wins over the
 *   venue's mark even when the venue's event came after the close: whether that mark is newer cannot be told (paper
 *   stamps a position with its last trade, not its last mark; brokers with their own clocks), it is at most one bar
 *   newer, and one price per symbol keeps what the strategy reads equal to what the engine acts on. Where the engine
 *   has no price for a symbol (no bar yet, or before the first bar of the session, when the cache holds only journal
 *   bars that may be older than the venue's start-up read), the venue's own values stay.
 * - Nothing read here can change engine state: positions and the account are fresh copies; the lists are frozen and
 *   hold frozen copies. The venue's objects are copied, never frozen (a venue may keep and change its own object).
 *
 * All of it is built when the strategy reads, never per bar; the lists are kept until the mirror or the closes move.
 */
export class StrategyViews {
  private positionList: readonly Position[] = NONE;
  /** Mirror position version and bar count the list was built at (-1: never built). */
  private positionsVersion = -1;
  private positionsBar = -1;
  /** Frozen copies of open orders by the mirror's object, shared by the full and per-symbol lists, until orders change. */
  private readonly orderCopies = new Map<Order, Order>();
  private readonly ordersBySymbol = new Map<string, readonly Order[]>();
  private allOrders: readonly Order[] | undefined;
  private ordersVersion = -1;

  constructor(private readonly p: BarPipeline) {}

  /** The open position in `symbol` marked at its newest close (a copy), or undefined when flat. */
  position(symbol: string): Position | undefined {
    const held = this.p.mirror.positionsBySymbol.get(symbol);
    return held === undefined ? undefined : marked(held, this.priceOf(symbol));
  }

  /** Every open position, marked, in a frozen list of frozen copies. */
  positions(): readonly Position[] {
    const p = this.p;
    const mirror = p.mirror;
    const bar = p.counters.bars;
    if (this.positionsVersion !== mirror.positionVersion || this.positionsBar !== bar) {
      this.positionsVersion = mirror.positionVersion;
      this.positionsBar = bar;
      const list: Position[] = [];
      for (const held of mirror.positionsBySymbol.values()) list.push(Object.freeze(marked(held, this.priceOf(held.symbol))));
      this.positionList = list.length === 0 ? NONE : Object.freeze(list);
    }
    return this.positionList;
  }

  /** The account with equity and unrealized P&L marked as the positions are (a copy; the rest is the venue's). */
  account(): Account {
    const mirror = this.p.mirror;
    let unrealizedPnl = 0;
    let repriced = false;
    for (const held of mirror.positionsBySymbol.values()) {
      const price = this.priceOf(held.symbol);
      if (price > 0) {
        repriced = true;
        unrealizedPnl += (price - held.averagePrice) * signedQuantity(held);
      } else {
        unrealizedPnl += held.unrealizedPnl;
      }
    }
    // Equity as the engine's own (AccountMirror.equity), at the same prices.
    return repriced ? { ...mirror.account, equity: mirror.equity(this.priceOf), unrealizedPnl } : { ...mirror.account };
  }

  /** Open orders (of one symbol, or all) in a frozen list of frozen copies. */
  openOrders(symbol?: string): readonly Order[] {
    const mirror = this.p.mirror;
    if (mirror.openOrdersById.size === 0) return NONE;
    if (this.ordersVersion !== mirror.orderVersion) {
      this.ordersVersion = mirror.orderVersion;
      this.orderCopies.clear();
      this.ordersBySymbol.clear();
      this.allOrders = undefined;
    }
    if (symbol === undefined) return (this.allOrders ??= this.frozenList(mirror.openOrdersById.values()));
    let list = this.ordersBySymbol.get(symbol);
    if (list === undefined) {
      const ofSymbol = mirror.openOrdersOf(symbol);
      list = ofSymbol === undefined || ofSymbol.size === 0 ? NONE : this.frozenList(ofSymbol.values());
      this.ordersBySymbol.set(symbol, list);
    }
    return list;
  }

  private frozenList(orders: Iterable<Order>): readonly Order[] {
    const list: Order[] = [];
    for (const order of orders) {
      let copy = this.orderCopies.get(order);
      if (copy === undefined) this.orderCopies.set(order, (copy = frozenCopy(order)));
      list.push(copy);
    }
    return Object.freeze(list);
  }

  /** Newest close of `symbol`, NaN when the engine has none of this session. */
  private readonly priceOf = (symbol: string): number => {
    const p = this.p;
    return p.counters.bars === 0 ? Number.NaN : p.cache.lastClose(symbol);
  };
}

/** A copy of `position` marked at `price` (unrealized P&L by side), or a plain copy when there is no price. */
function marked(position: Position, price: number): Position {
  if (!(price > 0)) return { ...position };
  return { ...position, marketPrice: price, unrealizedPnl: (price - position.averagePrice) * signedQuantity(position) };
}

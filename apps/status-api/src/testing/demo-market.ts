import type { Order, OrderSide, Position } from "@argo/core";
import type { MemoryStatusSession } from "./memory-session.ts";

/** Options of {@link DemoMarket}. */
export interface DemoMarketOptions {
  symbols?: string[];
  /** Trade every this many bars (alternately buy 2, sell 1, so positions stay long). Default 5. */
  tradeEvery?: number;
  seed?: number;
  now?: () => number;
}

// mulberry32: a tiny seeded generator, so demo runs are repeatable.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Drives a {@link MemoryStatusSession} like a small paper session: random-walk bars, market orders
 * that fill at the close, and positions, account, counters and events kept consistent.
 */
export class DemoMarket {
  private readonly symbols: string[];
  private readonly prices = new Map<string, number>();
  private readonly rand: () => number;
  private readonly now: () => number;
  private step = 0;
  private orderSeq = 0;
  private nextSide: OrderSide = "BUY";

  constructor(
    readonly session: MemoryStatusSession,
    private readonly options: DemoMarketOptions = {},
  ) {
    this.symbols = options.symbols ?? session.state.info.symbols;
    this.rand = random(options.seed ?? 42);
    this.now = options.now ?? Date.now;
    this.symbols.forEach((symbol, i) => this.prices.set(symbol, 100 * (i + 1)));
  }

  /** Processes one bar (symbols in turn) and, every `tradeEvery` bars, one filled order. */
  nextBar(): void {
    const symbol = this.symbols[this.step % this.symbols.length]!;
    const index = Math.floor(this.step / this.symbols.length);
    this.step++;
    const open = this.prices.get(symbol)!;
    const close = Math.max(1, open * (1 + (this.rand() - 0.5) * 0.02));
    this.prices.set(symbol, close);
    const bar = { symbol, interval: "1m", openTime: 1_700_000_000_000 + index * 60_000, open, high: Math.max(open, close) * 1.002, low: Math.min(open, close) * 0.998, close, volume: 1 + this.rand() * 10 };
    const state = this.session.state;
    state.bars.push(bar);
    if (state.bars.length > 2000) state.bars.splice(0, 1000);
    state.counters.barsProcessed++;
    for (const p of state.positions) if (p.symbol === symbol) this.mark(p, close);
    this.revalue();
    this.session.emit({ type: "bar", time: this.now(), data: bar });
    if (this.step % (this.options.tradeEvery ?? 5) === 0) this.trade(symbol, close, bar.openTime);
  }

  private trade(symbol: string, price: number, time: number): void {
    const state = this.session.state;
    const side = this.nextSide;
    const position = state.positions.find((p) => p.symbol === symbol);
    if (side === "SELL" && !position) return;
    this.nextSide = side === "BUY" ? "SELL" : "BUY";
    const quantity = side === "BUY" ? 2 : 1;
    const id = ++this.orderSeq;
    const order: Order = { symbol, side, type: "MARKET", quantity, clientOrderId: `demo-${id}`, venueOrderId: `v-${id}`, timeInForce: "GTC", status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: time, updatedAt: time };
    state.counters.ordersPlaced++;
    state.latency.observe(1 + this.rand() * 40);
    this.session.emit({ type: "order", time: this.now(), data: order });
    const fill = { id: `f-${id}`, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol, side, quantity, price, fee: 0, time };
    let realizedPnl = 0;
    if (side === "BUY") {
      if (position) {
        position.averagePrice = (position.averagePrice * position.quantity + price * quantity) / (position.quantity + quantity);
        position.quantity += quantity;
      } else {
        state.positions.push({ symbol, side: "LONG", quantity, averagePrice: price, marketPrice: price, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: time, updatedAt: time });
      }
      state.account.balance -= price * quantity;
    } else if (position) {
      realizedPnl = (price - position.averagePrice) * quantity;
      position.quantity -= quantity;
      position.realizedPnl += realizedPnl;
      state.account.balance += price * quantity;
      state.account.realizedPnl += realizedPnl;
      if (position.quantity <= 0) state.positions = state.positions.filter((p) => p !== position);
    }
    for (const p of state.positions) if (p.symbol === symbol) this.mark(p, price);
    this.revalue();
    const filled: Order = { ...order, status: "FILLED", filledQuantity: quantity, averageFillPrice: price, fills: [fill], updatedAt: time };
    state.recentOrders.unshift(filled);
    if (state.recentOrders.length > 500) state.recentOrders.length = 500;
    state.trades.push({ ...fill, realizedPnl });
    if (state.trades.length > 2000) state.trades.splice(0, 1000);
    state.counters.ordersFilled++;
    this.session.emit({ type: "fill", time: this.now(), data: fill });
    this.session.emit({ type: "order", time: this.now(), data: filled });
  }

  private mark(position: Position, price: number): void {
    position.marketPrice = price;
    position.unrealizedPnl = (price - position.averagePrice) * position.quantity;
    position.updatedAt = this.now();
  }

  private revalue(): void {
    const account = this.session.state.account;
    account.unrealizedPnl = this.session.state.positions.reduce((sum, p) => sum + p.unrealizedPnl, 0);
    account.equity = account.balance + this.session.state.positions.reduce((sum, p) => sum + p.marketPrice * p.quantity, 0);
    account.updatedAt = this.now();
  }

  /** Emits a bar every `everyMs` milliseconds until the returned function is called. */
  start(everyMs: number): () => void {
    const timer = setInterval(() => this.nextBar(), everyMs);
    return () => clearInterval(timer);
  }
}

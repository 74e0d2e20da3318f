import {
  type Account, ArgoError, type Bar, type ConnectionState, type ErrorCode, type Order, type OrderRequest, type PlaceResult,
  isTerminalStatus, type Position, type SimulatedVenue, type Trade, type TradeFilter, type TradingEvent, type TradingEventListener,
} from "@argo/core";

/** Options of the fake venue. */
export interface FakeVenueOptions {
  cash?: number;
  allowShort?: boolean;
  /** The next N provider calls (place/cancel) fail with this code. */
  failCalls?: { count: number; code: ErrorCode };
  /**
   * Refuse a client id among open orders only, and take the id of a finished order again, as venues document it: Binance
   * ("a unique id among open orders"), Kraken (unique "across open orders"), CME Globex (reusable once the prior order
   * is filled, cancelled or eliminated).
   */
  idsUniqueAmongOpenOrders?: boolean;
}

/**
 * A minimal simulated venue for engine tests: market orders fill at the next bar's open (limit
 * orders when the bar trades through), netting positions with average cost, no fees.
 */
export class FakeVenue implements SimulatedVenue {
  readonly name = "fake-venue";
  readonly simulated = true as const;
  cash: number;
  readonly positions = new Map<string, Position>();
  readonly orders = new Map<string, Order>();
  readonly trades: Trade[] = [];
  readonly placed: OrderRequest[] = [];
  /** Calls of the promise-based placeOrder (a synchronous placement path leaves it at 0). */
  asyncPlacements = 0;
  readonly barsSeen: Bar[] = [];
  time = 0;
  private state: ConnectionState = "DISCONNECTED";
  private readonly listeners: TradingEventListener[] = [];
  private readonly last = new Map<string, number>();
  private seq = 0;

  constructor(readonly options: FakeVenueOptions = {}) {
    this.cash = options.cash ?? 10_000;
  }

  async connect() { this.state = "CONNECTED"; }
  async disconnect() { this.state = "DISCONNECTED"; }
  connectionState() { return this.state; }
  on(listener: TradingEventListener) {
    this.listeners.push(listener);
    return () => void this.listeners.splice(this.listeners.indexOf(listener), 1);
  }
  setTime(time: number) { this.time = time; }

  async placeOrder(request: OrderRequest): Promise<Order> {
    this.asyncPlacements++;
    return this.placeNow(request);
  }

  /** The placement itself, answered in the call (SyncFakeVenue offers it as `placeOrderSync`). */
  protected placeNow(request: OrderRequest): Order {
    this.maybeFail();
    const quantity = request.quantity ?? 0;
    if (request.quantity !== undefined && !(quantity > 0)) throw new ArgoError("INVALID_ORDER", "quantity must be positive");
    const id = request.clientOrderId ?? `fake-${++this.seq}`;
    const known = this.orders.get(id);
    if (known !== undefined && !(this.options.idsUniqueAmongOpenOrders && isTerminalStatus(known.status))) {
      throw new ArgoError("DUPLICATE_ORDER", `duplicate ${id}`);
    }
    this.placed.push(request);
    const order: Order = {
      ...request, clientOrderId: id, venueOrderId: `v${++this.seq}`, timeInForce: request.timeInForce ?? "GTC", status: "SUBMITTED",
      quantity, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: this.time, updatedAt: this.time,
    };
    this.orders.set(id, order);
    this.emit({ type: "order", order: { ...order } });
    return { ...order };
  }

  async placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]> {
    const out: PlaceResult[] = [];
    for (const request of requests) {
      try { out.push({ ok: true, order: await this.placeOrder(request) }); } catch (error) { out.push({ ok: false, error: error as ArgoError, request }); }
    }
    return out;
  }

  async cancelOrder(orderId: string): Promise<Order> {
    this.maybeFail();
    const order = this.find(orderId);
    if (order.status === "FILLED") throw new ArgoError("ORDER_ALREADY_FILLED", `${orderId} is filled`);
    // As the paper venue and Binance do: a cancelled or rejected order is no longer there to cancel.
    if (order.status !== "SUBMITTED") throw new ArgoError("ORDER_NOT_FOUND", `${orderId} is not open: it is ${order.status}`);
    order.status = "CANCELLED";
    order.updatedAt = this.time;
    this.emit({ type: "order", order: { ...order } });
    return { ...order };
  }

  async cancelAllOrders(symbol?: string): Promise<Order[]> {
    this.maybeFail();
    const out: Order[] = [];
    for (const order of this.orders.values()) {
      if (order.status !== "SUBMITTED" || (symbol && order.symbol !== symbol)) continue;
      order.status = "CANCELLED";
      order.updatedAt = this.time;
      this.emit({ type: "order", order: { ...order } });
      out.push({ ...order });
    }
    return out;
  }

  async getOrder(orderId: string) { return { ...this.find(orderId) }; }
  async getOpenOrders(symbol?: string) { return [...this.orders.values()].filter((o) => o.status === "SUBMITTED" && (!symbol || o.symbol === symbol)).map((o) => ({ ...o })); }
  async getPositions() { return [...this.positions.values()].map((p) => ({ ...p })); }
  async getPosition(symbol: string) { const p = this.positions.get(symbol); return p ? { ...p } : undefined; }
  async getAccount() { return this.account(); }
  async getTrades(filter?: TradeFilter) { return this.trades.filter((t) => !filter?.symbol || t.symbol === filter.symbol); }
  async getMaxBuyQuantity(symbol: string, price?: number) { return this.cash / (price ?? this.last.get(symbol) ?? Number.NaN); }
  async getMaxSellQuantity(symbol: string) { return this.positions.get(symbol)?.quantity ?? 0; }

  processBar(bar: Bar): void {
    this.barsSeen.push(bar);
    for (const order of this.orders.values()) {
      if (order.status !== "SUBMITTED" || order.symbol !== bar.symbol) continue;
      if (order.type === "LIMIT" && !(order.side === "BUY" ? bar.low <= order.limitPrice! : bar.high >= order.limitPrice!)) continue;
      const price = order.type === "LIMIT" ? (order.side === "BUY" ? Math.min(bar.open, order.limitPrice!) : Math.max(bar.open, order.limitPrice!)) : bar.open;
      this.fill(order, price, bar);
    }
    this.last.set(bar.symbol, bar.close);
    const position = this.positions.get(bar.symbol);
    if (position) {
      position.marketPrice = bar.close;
      position.unrealizedPnl = (bar.close - position.averagePrice) * position.quantity * (position.side === "LONG" ? 1 : -1);
    }
    this.emit({ type: "account", account: this.account() });
  }

  /** Equity marked at the last closes. */
  equity(): number {
    let equity = this.cash;
    for (const p of this.positions.values()) equity += (p.side === "LONG" ? 1 : -1) * p.quantity * (this.last.get(p.symbol) ?? p.averagePrice);
    return equity;
  }

  protected fill(order: Order, price: number, bar: Bar): void {
    let quantity = order.quantity;
    if (!(quantity > 0)) {
      const budget = order.quoteAmount ?? (order.equityFraction ?? 0) * this.equity();
      quantity = Math.floor(budget / price);
    }
    const position = this.positions.get(order.symbol);
    const signed = position ? (position.side === "LONG" ? position.quantity : -position.quantity) : 0;
    const delta = order.side === "BUY" ? quantity : -quantity;
    const next = signed + delta;
    if (quantity <= 0 || (order.side === "BUY" && signed >= 0 && quantity * price > this.cash + 1e-9) || (!this.options.allowShort && next < -1e-12)) {
      order.status = "REJECTED";
      order.rejectReason = quantity <= 0 ? "nothing to fill" : "insufficient funds or position";
      order.updatedAt = this.time;
      this.emit({ type: "order", order: { ...order } });
      return;
    }
    let realized = 0;
    if (position && Math.sign(delta) !== Math.sign(signed)) {
      const closed = Math.min(quantity, position.quantity);
      realized = (price - position.averagePrice) * closed * (position.side === "LONG" ? 1 : -1);
    }
    this.cash += order.side === "BUY" ? -quantity * price : quantity * price;
    if (Math.abs(next) < 1e-12) this.positions.delete(order.symbol);
    else if (position && Math.sign(next) === Math.sign(signed)) {
      if (Math.abs(next) > Math.abs(signed)) position.averagePrice = (position.averagePrice * position.quantity + price * quantity) / Math.abs(next);
      position.quantity = Math.abs(next);
      position.realizedPnl += realized;
    } else {
      this.positions.set(order.symbol, {
        symbol: order.symbol, side: next > 0 ? "LONG" : "SHORT", quantity: Math.abs(next), averagePrice: price, marketPrice: price,
        realizedPnl: realized, unrealizedPnl: 0, fees: 0, openedAt: bar.openTime, updatedAt: bar.openTime,
      });
    }
    const fill = { id: `f${++this.seq}`, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol: order.symbol,
      side: order.side, quantity, price, fee: 0, time: bar.openTime };
    this.trades.push({ ...fill, realizedPnl: realized });
    Object.assign(order, { status: "FILLED", quantity, filledQuantity: quantity, averageFillPrice: price, updatedAt: this.time, fills: [fill] });
    this.emit({ type: "fill", fill, order: { ...order } });
    this.emit({ type: "order", order: { ...order } });
    const now = this.positions.get(order.symbol);
    this.emit({ type: "position", symbol: order.symbol, position: now ? { ...now } : undefined });
    this.emit({ type: "account", account: this.account() });
  }

  protected account(): Account {
    return { currency: "USD", balance: this.cash, equity: this.equity(), buyingPower: this.cash, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: this.time };
  }

  private find(orderId: string): Order {
    const order = this.orders.get(orderId) ?? [...this.orders.values()].find((o) => o.venueOrderId === orderId);
    if (!order) throw new ArgoError("ORDER_NOT_FOUND", `no order ${orderId}`);
    return order;
  }

  private maybeFail(): void {
    const fail = this.options.failCalls;
    if (fail && fail.count > 0) {
      fail.count--;
      throw new ArgoError(fail.code, `simulated ${fail.code}`);
    }
  }

  /** Delivers an event to every listener (subclasses emit the events their venue sends). */
  protected emit(event: TradingEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The fake venue with the optional synchronous placement of the SimulatedVenue contract (as the paper venue has). */
export class SyncFakeVenue extends FakeVenue {
  placeOrderSync(request: OrderRequest): Order {
    return this.placeNow(request);
  }
}

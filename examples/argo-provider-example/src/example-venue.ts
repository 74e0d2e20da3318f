import {
  type Account, ArgoError, type ConnectionState, type Order, type OrderRequest, type PlaceResult, type Position,
  type Trade, type TradeFilter, type TradingEvent, type TradingEventListener, type TradingProvider, isTerminalStatus, toArgoError,
} from "@argo/core";
import type { ExampleConfig } from "./example-config.ts";

const STEP = 1e-8;
const floorStep = (q: number) => Math.floor(q / STEP + 1e-9) * STEP;

/** An in-memory venue driven by quotes: market orders fill at the next quote, limits when a quote crosses them. Long only. */
export class ExampleVenue implements TradingProvider {
  readonly name = "example";
  private state: ConnectionState = "DISCONNECTED";
  private cash: number;
  private fees = 0;
  private realized = 0;
  private nextId = 1;
  private readonly orders = new Map<string, Order>();
  private readonly byVenueId = new Map<string, Order>();
  private readonly positions = new Map<string, { quantity: number; average: number; realized: number; fees: number; openedAt: number }>();
  private readonly last = new Map<string, number>();
  private readonly trades: Trade[] = [];
  private readonly listeners = new Set<TradingEventListener>();

  constructor(private readonly config: ExampleConfig) {
    this.cash = config.initialCash;
  }

  /** The venue's market: a new trade price for a symbol; working orders may fill at it. */
  quote(symbol: string, price: number): void {
    this.last.set(symbol, price);
    for (const order of [...this.orders.values()]) {
      if (order.symbol !== symbol || isTerminalStatus(order.status)) continue;
      const crosses = order.type === "MARKET" || (order.side === "BUY" ? price <= order.limitPrice! : price >= order.limitPrice!);
      if (crosses) this.fill(order, price);
    }
  }

  async connect() { this.setState("CONNECTED"); }
  async disconnect() { this.setState("DISCONNECTED"); }
  connectionState() { return this.state; }
  on(listener: TradingEventListener) { this.listeners.add(listener); return () => void this.listeners.delete(listener); }

  async placeOrder(request: OrderRequest): Promise<Order> {
    this.requireConnected();
    const quantity = request.quantity ?? Number.NaN;
    if (!this.config.symbols.includes(request.symbol)) throw new ArgoError("UNKNOWN_SYMBOL", `unknown symbol "${request.symbol}"`, { provider: this.name });
    if (!(quantity > 0)) throw new ArgoError("INVALID_ORDER", `quantity must be positive, got ${quantity}`, { provider: this.name });
    if (request.type !== "MARKET" && request.type !== "LIMIT") throw new ArgoError("INVALID_ORDER", `order type ${request.type} is not supported`, { provider: this.name });
    if (request.type === "LIMIT" && !(request.limitPrice! > 0)) throw new ArgoError("INVALID_ORDER", "a limit order needs a positive limitPrice", { provider: this.name });
    const clientOrderId = request.clientOrderId ?? `ex-${this.nextId}`;
    if (this.orders.has(clientOrderId)) throw new ArgoError("DUPLICATE_ORDER", `client order id "${clientOrderId}" was already used`, { provider: this.name });
    // A market order is checked against the last quote: before the first one there is nothing to check it against.
    const price = request.limitPrice ?? this.last.get(request.symbol);
    if (price === undefined) throw new ArgoError("INVALID_ORDER", `no quote for ${request.symbol} yet: a market order needs one to be checked against the cash`, { provider: this.name });
    if (request.side === "BUY" && quantity * price * (1 + this.config.feeRate) > this.available() + 1e-9) {
      throw new ArgoError("INSUFFICIENT_FUNDS", `buying ${quantity} ${request.symbol} needs more than the ${this.available()} available`, { provider: this.name });
    }
    if (request.side === "SELL" && quantity > this.sellable(request.symbol) + 1e-12) {
      throw new ArgoError("INSUFFICIENT_POSITION", `cannot sell ${quantity} ${request.symbol}: only ${this.sellable(request.symbol)} held`, { provider: this.name });
    }
    const now = Date.now();
    const order: Order = {
      ...request, clientOrderId, venueOrderId: String(this.nextId++), timeInForce: request.timeInForce ?? "GTC", status: "ACCEPTED",
      quantity, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: now, updatedAt: now,
    };
    this.orders.set(clientOrderId, order);
    this.byVenueId.set(order.venueOrderId, order);
    this.emit({ type: "order", order: { ...order } });
    return { ...order };
  }

  async placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]> {
    const results: PlaceResult[] = [];
    for (const request of requests) {
      try {
        results.push({ ok: true, order: await this.placeOrder(request) });
      } catch (error) {
        results.push({ ok: false, error: toArgoError(error, "BROKER_REJECTED", this.name), request });
      }
    }
    return results;
  }

  async cancelOrder(orderId: string): Promise<Order> {
    const order = this.find(orderId);
    if (order.status === "FILLED") throw new ArgoError("ORDER_ALREADY_FILLED", `order ${orderId} is already filled`, { provider: this.name });
    if (isTerminalStatus(order.status)) throw new ArgoError("ORDER_NOT_FOUND", `order ${orderId} is no longer open`, { provider: this.name });
    order.status = "CANCELLED";
    order.updatedAt = Date.now();
    this.emit({ type: "order", order: { ...order } });
    return { ...order };
  }

  async cancelAllOrders(symbol?: string): Promise<Order[]> {
    const open = await this.getOpenOrders(symbol);
    return Promise.all(open.map((order) => this.cancelOrder(order.clientOrderId)));
  }

  async getOrder(orderId: string) { return { ...this.find(orderId) }; }
  async getOpenOrders(symbol?: string) {
    this.requireConnected();
    return [...this.orders.values()].filter((o) => !isTerminalStatus(o.status) && (!symbol || o.symbol === symbol)).map((o) => ({ ...o }));
  }
  async getPositions() { this.requireConnected(); return [...this.positions.keys()].map((s) => this.position(s)!).filter(Boolean); }
  async getPosition(symbol: string) { this.requireConnected(); return this.position(symbol); }
  async getTrades(filter: TradeFilter = {}) {
    this.requireConnected();
    const list = this.trades.filter((t) => (!filter.symbol || t.symbol === filter.symbol) && (filter.from === undefined || t.time >= filter.from) && (filter.to === undefined || t.time < filter.to));
    return filter.limit ? list.slice(-filter.limit) : list;
  }
  async getAccount(): Promise<Account> {
    this.requireConnected();
    const positions = [...this.positions.keys()].map((s) => this.position(s)!).filter(Boolean);
    const marked = positions.reduce((sum, p) => sum + p.quantity * p.marketPrice, 0);
    const unrealized = positions.reduce((sum, p) => sum + p.unrealizedPnl, 0);
    return {
      currency: "USD", balance: this.cash, equity: this.cash + marked, buyingPower: this.available(), realizedPnl: this.realized,
      unrealizedPnl: unrealized, totalFees: this.fees, marginUsed: 0, updatedAt: Date.now(),
    };
  }
  async getMaxBuyQuantity(symbol: string, price?: number) {
    const at = price ?? this.last.get(symbol) ?? 0;
    return at > 0 ? floorStep(this.available() / (at * (1 + this.config.feeRate))) : 0;
  }
  async getMaxSellQuantity(symbol: string) { return this.sellable(symbol); }

  private fill(order: Order, price: number) {
    const quantity = order.quantity - order.filledQuantity;
    const fee = quantity * price * this.config.feeRate;
    const time = Date.now();
    const held = this.positions.get(order.symbol) ?? { quantity: 0, average: 0, realized: 0, fees: 0, openedAt: time };
    let realizedPnl = 0;
    if (order.side === "BUY") {
      held.average = (held.average * held.quantity + price * quantity) / (held.quantity + quantity);
      held.quantity += quantity;
      this.cash -= quantity * price + fee;
    } else {
      realizedPnl = (price - held.average) * quantity;
      held.quantity -= quantity;
      this.cash += quantity * price - fee;
    }
    held.realized += realizedPnl;
    held.fees += fee;
    this.realized += realizedPnl;
    this.fees += fee;
    this.positions.set(order.symbol, held);
    const fill = { id: `f-${this.trades.length + 1}`, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol: order.symbol, side: order.side, quantity, price, fee, time };
    this.trades.push({ ...fill, realizedPnl });
    Object.assign(order, { filledQuantity: order.quantity, averageFillPrice: price, status: "FILLED", updatedAt: time });
    order.fills.push(fill);
    this.emit({ type: "fill", fill, order: { ...order } });
    this.emit({ type: "order", order: { ...order } });
    this.emit({ type: "position", symbol: order.symbol, position: this.position(order.symbol) });
  }

  private position(symbol: string): Position | undefined {
    const held = this.positions.get(symbol);
    if (!held || held.quantity <= 1e-12) return undefined;
    const mark = this.last.get(symbol) ?? held.average;
    return {
      symbol, side: "LONG", quantity: held.quantity, averagePrice: held.average, marketPrice: mark, realizedPnl: held.realized,
      unrealizedPnl: (mark - held.average) * held.quantity, fees: held.fees, openedAt: held.openedAt, updatedAt: Date.now(),
    };
  }
  private available() {
    let reserved = 0;
    for (const o of this.orders.values()) {
      if (o.side === "BUY" && !isTerminalStatus(o.status)) reserved += o.quantity * (o.limitPrice ?? this.last.get(o.symbol) ?? 0) * (1 + this.config.feeRate);
    }
    return this.cash - reserved;
  }
  private sellable(symbol: string) {
    let reserved = 0;
    for (const o of this.orders.values()) if (o.side === "SELL" && o.symbol === symbol && !isTerminalStatus(o.status)) reserved += o.quantity;
    return (this.positions.get(symbol)?.quantity ?? 0) - reserved;
  }
  private find(orderId: string): Order {
    this.requireConnected();
    const order = this.orders.get(orderId) ?? this.byVenueId.get(orderId);
    if (!order) throw new ArgoError("ORDER_NOT_FOUND", `no order "${orderId}"`, { provider: this.name });
    return order;
  }
  private requireConnected() {
    if (this.state !== "CONNECTED") throw new ArgoError("PROVIDER_NOT_CONNECTED", "the example venue is not connected; call connect() first", { provider: this.name });
  }
  private setState(state: ConnectionState) {
    this.state = state;
    this.emit({ type: "connection", state });
  }
  private emit(event: TradingEvent) {
    for (const listener of this.listeners) listener(event);
  }
}

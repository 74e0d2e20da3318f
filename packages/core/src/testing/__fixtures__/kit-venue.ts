import type { ConnectionState } from "../../contracts/connection-state.ts";
import type { TradingEventListener, TradingEvent } from "../../contracts/trading-event.ts";
import type { PlaceResult, TradingProvider } from "../../contracts/trading-provider.ts";
import type { Account } from "../../domain/account.ts";
import type { Position } from "../../domain/position.ts";
import type { Fill } from "../../domain/fill.ts";
import { isTerminalStatus, type Order } from "../../domain/order.ts";
import type { OrderRequest } from "../../domain/order-request.ts";
import type { Trade } from "../../domain/trade.ts";
import { ArgoError } from "../../errors/argo-error.ts";

/**
 * A fault the venue can be made to have: what the conformance kit must catch, except "repeat-fill" (each fill event sent
 * twice with the same id, as IB replays executions), which docs/plugins.md allows and the kit must pass.
 */
export type KitVenueFault =
  | "none"
  | "fee-string"
  | "forget-cancelled"
  | "no-stamp" // positions and accounts (answers and events) without updatedAt
  | "zero-position" // a flat position listed with quantity 0
  | "cancel-unknown-ok" // cancelOrder of an id never placed answers a cancelled order
  | "seconds" // every time in epoch seconds
  | "repeat-fill"
  | "filled-half" // an order's filledQuantity half the sum of its fills
  | "getorder-lags"; // the first getOrder of each order does not know it yet

/**
 * A small in-memory venue for testing the conformance kit itself, not a venue to copy: market orders fill at the next
 * price, a BUY limit when the price is at or below it; fees are 0.1% of the notional, cash is ample and never checked.
 * After a fill it emits the fill, the order, the position and the account, as docs/plugins.md §3 asks.
 * With a fault it breaks the contract the way a real plugin did (docs/plugins.md §5), and the kit must fail it.
 */
export class KitVenue implements TradingProvider {
  readonly name = "kit-venue";
  private state: ConnectionState = "DISCONNECTED";
  private nextId = 1;
  private cash = 1_000_000;
  private held = 0;
  private last = 0;
  private readonly lookedUp = new Set<string>();
  private readonly orders = new Map<string, Order>();
  private readonly trades: Trade[] = [];
  private readonly listeners = new Set<TradingEventListener>();

  constructor(private readonly fault: KitVenueFault) {}

  /** The next trade price of `symbol`: working orders that it reaches fill at it. */
  trade(symbol: string, price: number): void {
    this.last = price;
    for (const order of [...this.orders.values()]) {
      if (order.symbol !== symbol || isTerminalStatus(order.status)) continue;
      if (order.type === "MARKET" || (order.side === "BUY" ? price <= order.limitPrice! : price >= order.limitPrice!)) this.fill(order, price);
    }
  }

  async connect() { this.setState("CONNECTED"); }
  async disconnect() { this.setState("DISCONNECTED"); }
  connectionState() { return this.state; }
  on(listener: TradingEventListener) { this.listeners.add(listener); return () => void this.listeners.delete(listener); }

  async placeOrder(request: OrderRequest): Promise<Order> {
    this.requireConnected();
    const clientOrderId = request.clientOrderId ?? `kit-${this.nextId}`;
    if (this.orders.has(clientOrderId)) throw new ArgoError("DUPLICATE_ORDER", `client order id "${clientOrderId}" was already used`);
    if (!((request.quantity ?? 0) > 0)) throw new ArgoError("INVALID_ORDER", "quantity must be positive");
    const now = Date.now();
    const order: Order = {
      ...request, clientOrderId, venueOrderId: String(this.nextId++), timeInForce: request.timeInForce ?? "GTC", status: "ACCEPTED",
      quantity: request.quantity!, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: now, updatedAt: now,
    };
    this.orders.set(clientOrderId, order);
    this.emit({ type: "order", order: this.view(order) });
    return this.view(order);
  }

  async placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]> {
    return Promise.all(requests.map((request) => this.placeOrder(request).then((order) => ({ ok: true as const, order }))));
  }

  async cancelOrder(orderId: string): Promise<Order> {
    if (this.fault === "cancel-unknown-ok" && !this.known(orderId)) {
      const now = Date.now();
      return { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", clientOrderId: orderId, venueOrderId: "0", timeInForce: "GTC", status: "CANCELLED", quantity: 0, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: now, updatedAt: now };
    }
    const order = this.find(orderId);
    if (isTerminalStatus(order.status)) throw new ArgoError("ORDER_NOT_FOUND", `order ${orderId} is no longer open`);
    Object.assign(order, { status: "CANCELLED", updatedAt: Date.now() });
    this.emit({ type: "order", order: this.view(order) });
    if (this.fault === "forget-cancelled") this.orders.delete(order.clientOrderId);
    return this.view(order);
  }

  async cancelAllOrders(symbol?: string) { return Promise.all((await this.getOpenOrders(symbol)).map((o) => this.cancelOrder(o.clientOrderId))); }
  async getOrder(orderId: string) {
    const order = this.find(orderId);
    // As a venue whose order index lags its matching engine: the first lookup of an order misses it.
    if (this.fault === "getorder-lags" && !this.lookedUp.has(order.clientOrderId)) {
      this.lookedUp.add(order.clientOrderId);
      throw new ArgoError("ORDER_NOT_FOUND", `no order "${orderId}"`);
    }
    return this.view(order);
  }
  async getOpenOrders(symbol?: string) {
    this.requireConnected();
    return [...this.orders.values()].filter((o) => !isTerminalStatus(o.status) && (!symbol || o.symbol === symbol)).map((o) => this.view(o));
  }
  async getPositions() {
    const position = await this.getPosition("BTCUSDT");
    return position ? [position] : [];
  }
  async getPosition(symbol: string): Promise<Position | undefined> {
    this.requireConnected();
    return this.position(symbol);
  }
  async getTrades() { this.requireConnected(); return this.trades.map((t) => ({ ...t, time: this.time(t.time) })); }
  async getAccount(): Promise<Account> {
    this.requireConnected();
    return this.account();
  }
  async getMaxBuyQuantity() { return 0; }
  async getMaxSellQuantity() { return this.held; }

  private fill(order: Order, price: number) {
    const quantity = order.quantity - order.filledQuantity;
    const fee = quantity * price * 0.001;
    const fill: Fill = { id: `f-${this.trades.length + 1}`, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol: order.symbol, side: order.side, quantity, price, fee, time: Date.now() };
    this.trades.push({ ...fill, realizedPnl: 0 });
    this.held += order.side === "BUY" ? quantity : -quantity;
    this.cash += (order.side === "BUY" ? -1 : 1) * quantity * price - fee;
    Object.assign(order, { filledQuantity: order.quantity, averageFillPrice: price, status: "FILLED", updatedAt: fill.time });
    order.fills.push(fill);
    const seen = this.view(order);
    // The fault as a real venue's client had it: the venue's decimal text passed on as it came.
    const emitted = this.fault === "fee-string" ? { ...seen.fills.at(-1)!, fee: fee.toFixed(8) as unknown as number } : seen.fills.at(-1)!;
    this.emit({ type: "fill", fill: emitted, order: seen });
    if (this.fault === "repeat-fill") this.emit({ type: "fill", fill: { ...emitted }, order: seen });
    this.emit({ type: "order", order: seen });
    this.emit({ type: "position", symbol: order.symbol, position: this.position(order.symbol) });
    this.emit({ type: "account", account: this.account() });
  }

  /** What the outside sees of an order: a copy, with the venue's fault in it. */
  private view(order: Order): Order {
    const fills = order.fills.map((f) => ({ ...f, time: this.time(f.time) }));
    const filledQuantity = this.fault === "filled-half" ? order.filledQuantity / 2 : order.filledQuantity;
    return { ...order, fills, filledQuantity, createdAt: this.time(order.createdAt), updatedAt: this.time(order.updatedAt) };
  }
  private time(ms: number): number { return this.fault === "seconds" ? Math.floor(ms / 1000) : ms; }
  private stamp(): number { return this.fault === "no-stamp" ? (undefined as unknown as number) : this.time(Date.now()); }
  private position(symbol: string): Position | undefined {
    if (this.held <= 0 && this.fault !== "zero-position") return undefined;
    return {
      symbol, side: "LONG", quantity: this.held, averagePrice: this.last, marketPrice: this.last, realizedPnl: 0, unrealizedPnl: 0, fees: 0,
      openedAt: this.time(Date.now()), updatedAt: this.stamp(),
    };
  }
  private account(): Account {
    const fees = this.trades.reduce((sum, t) => sum + t.fee, 0);
    return { currency: "USD", balance: this.cash, equity: this.cash, buyingPower: this.cash, realizedPnl: 0, unrealizedPnl: 0, totalFees: fees, marginUsed: 0, updatedAt: this.stamp() };
  }

  private find(orderId: string): Order {
    this.requireConnected();
    const order = this.known(orderId);
    if (!order) throw new ArgoError("ORDER_NOT_FOUND", `no order "${orderId}"`);
    return order;
  }
  private known(orderId: string): Order | undefined {
    return this.orders.get(orderId) ?? [...this.orders.values()].find((o) => o.venueOrderId === orderId);
  }
  private requireConnected() {
    if (this.state !== "CONNECTED") throw new ArgoError("PROVIDER_NOT_CONNECTED", "the kit venue is not connected");
  }
  private setState(state: ConnectionState) { this.state = state; this.emit({ type: "connection", state }); }
  private emit(event: TradingEvent) { for (const listener of this.listeners) listener(event); }
}

import type { ConnectionState } from "../../contracts/connection-state.ts";
import type { TradingEventListener, TradingEvent } from "../../contracts/trading-event.ts";
import type { PlaceResult, TradingProvider } from "../../contracts/trading-provider.ts";
import type { Account } from "../../domain/account.ts";
import type { Fill } from "../../domain/fill.ts";
import { isTerminalStatus, type Order } from "../../domain/order.ts";
import type { OrderRequest } from "../../domain/order-request.ts";
import type { Trade } from "../../domain/trade.ts";
import { ArgoError } from "../../errors/argo-error.ts";

/** A fault the venue can be made to have: what the conformance kit must catch. */
export type KitVenueFault = "none" | "fee-string" | "forget-cancelled";

/**
 * A small in-memory venue for testing the conformance kit itself, not a venue to copy: market orders fill at the next
 * price, a BUY limit when the price is at or below it; fees are 0.1% of the notional, cash is ample and never checked.
 * With a fault it breaks the contract the way a real plugin did (docs/plugins.md §5), and the kit must fail it.
 */
export class KitVenue implements TradingProvider {
  readonly name = "kit-venue";
  private state: ConnectionState = "DISCONNECTED";
  private nextId = 1;
  private cash = 1_000_000;
  private held = 0;
  private readonly orders = new Map<string, Order>();
  private readonly trades: Trade[] = [];
  private readonly listeners = new Set<TradingEventListener>();

  constructor(private readonly fault: KitVenueFault) {}

  /** The next trade price of `symbol`: working orders that it reaches fill at it. */
  trade(symbol: string, price: number): void {
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
    this.emit({ type: "order", order: { ...order } });
    return { ...order };
  }

  async placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]> {
    return Promise.all(requests.map((request) => this.placeOrder(request).then((order) => ({ ok: true as const, order }))));
  }

  async cancelOrder(orderId: string): Promise<Order> {
    const order = this.find(orderId);
    if (isTerminalStatus(order.status)) throw new ArgoError("ORDER_NOT_FOUND", `order ${orderId} is no longer open`);
    Object.assign(order, { status: "CANCELLED", updatedAt: Date.now() });
    this.emit({ type: "order", order: { ...order } });
    if (this.fault === "forget-cancelled") this.orders.delete(order.clientOrderId);
    return { ...order };
  }

  async cancelAllOrders(symbol?: string) { return Promise.all((await this.getOpenOrders(symbol)).map((o) => this.cancelOrder(o.clientOrderId))); }
  async getOrder(orderId: string) { return { ...this.find(orderId) }; }
  async getOpenOrders(symbol?: string) {
    this.requireConnected();
    return [...this.orders.values()].filter((o) => !isTerminalStatus(o.status) && (!symbol || o.symbol === symbol)).map((o) => ({ ...o }));
  }
  async getPositions() { return this.held > 0 ? [(await this.getPosition("BTCUSDT"))!] : []; }
  async getPosition(symbol: string) {
    this.requireConnected();
    if (this.held <= 0) return undefined;
    const price = this.trades.at(-1)!.price;
    const now = Date.now();
    return { symbol, side: "LONG" as const, quantity: this.held, averagePrice: price, marketPrice: price, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: now, updatedAt: now };
  }
  async getTrades() { this.requireConnected(); return [...this.trades]; }
  async getAccount(): Promise<Account> {
    this.requireConnected();
    const fees = this.trades.reduce((sum, t) => sum + t.fee, 0);
    return { currency: "USD", balance: this.cash, equity: this.cash, buyingPower: this.cash, realizedPnl: 0, unrealizedPnl: 0, totalFees: fees, marginUsed: 0, updatedAt: Date.now() };
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
    // The fault as a real venue's client had it: the venue's decimal text passed on as it came.
    const emitted = this.fault === "fee-string" ? { ...fill, fee: fee.toFixed(8) as unknown as number } : fill;
    this.emit({ type: "fill", fill: emitted, order: { ...order } });
    this.emit({ type: "order", order: { ...order } });
  }

  private find(orderId: string): Order {
    this.requireConnected();
    const order = this.orders.get(orderId) ?? [...this.orders.values()].find((o) => o.venueOrderId === orderId);
    if (!order) throw new ArgoError("ORDER_NOT_FOUND", `no order "${orderId}"`);
    return order;
  }
  private requireConnected() {
    if (this.state !== "CONNECTED") throw new ArgoError("PROVIDER_NOT_CONNECTED", "the kit venue is not connected");
  }
  private setState(state: ConnectionState) { this.state = state; this.emit({ type: "connection", state }); }
  private emit(event: TradingEvent) { for (const listener of this.listeners) listener(event); }
}

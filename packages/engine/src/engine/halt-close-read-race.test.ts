// A halt's top-up close opened a long (network fuzz "flip120", made deterministic in review): two shorts halted and
// closed; at the next bar the venue fills the AAA close in part and ends it (AAA unconfirmed), and fills the BBB close
// whole with its events still on the wire. The top-up read AAA's position; BBB's fill arrived while that read was on its
// way; ConfirmingReads.positions() had listed the unconfirmed symbols once, before it, so BBB's close was sized from the
// short 400 it no longer had: BUY 400 against a flat venue position. Now the list is taken again after each read.
import { afterAll, expect, test } from "bun:test";
import {
  type Account, type Bar, type ConnectionState, type MarketDataProvider, type Order, type OrderRequest, type PlaceResult,
  type Position, type StreamItem, type StreamOptions, type TradingEvent, type TradingEventListener, type TradingProvider,
} from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-halt-read-race-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two shorts, AAA 100 and BBB 400 at 100; market orders fill at a BBB bar (see the file's comment for the script). */
class ScriptVenue implements TradingProvider {
  readonly name = "script-venue";
  private listeners: TradingEventListener[] = [];
  private state: ConnectionState = "DISCONNECTED";
  readonly pos = new Map<string, number>([["AAA", -100], ["BBB", -400]]);
  cash = 150_000;
  readonly last = new Map<string, number>([["AAA", 100], ["BBB", 100]]);
  readonly orders = new Map<string, Order>();
  time = 0;
  private seq = 0;
  private held: TradingEvent[] = [];
  closesFilled = 0;
  /** Halt closes that filled against a flat position or one of their own side, or past it. */
  readonly flips: string[] = [];
  emit(e: TradingEvent) { for (const l of [...this.listeners]) l(structuredClone(e)); }
  async connect() { this.state = "CONNECTED"; }
  async disconnect() { this.state = "DISCONNECTED"; }
  connectionState() { return this.state; }
  on(l: TradingEventListener) { this.listeners.push(l); return () => void (this.listeners = this.listeners.filter((x) => x !== l)); }
  positionOf(symbol: string): Position | undefined {
    const q = this.pos.get(symbol) ?? 0; if (q === 0) return undefined;
    const mark = this.last.get(symbol)!;
    return { symbol, side: q > 0 ? "LONG" : "SHORT", quantity: Math.abs(q), averagePrice: 100, marketPrice: mark, realizedPnl: 0, unrealizedPnl: (mark - 100) * q, fees: 0, openedAt: 0, updatedAt: this.time } as Position;
  }
  account(): Account {
    let equity = this.cash; for (const [s, q] of this.pos) equity += q * this.last.get(s)!;
    return { currency: "USD", balance: this.cash, equity, buyingPower: this.cash, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: this.time } as Account;
  }
  async placeOrder(req: OrderRequest): Promise<Order> {
    await sleep(1);
    const id = req.clientOrderId ?? `v-${++this.seq}`;
        const order = { ...req, clientOrderId: id, venueOrderId: `v${++this.seq}`, timeInForce: "GTC", status: "SUBMITTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: this.time, updatedAt: this.time } as Order;
    this.orders.set(id, order);
    this.emit({ type: "order", order });
    return structuredClone(order);
  }
  async placeOrders(rs: OrderRequest[]): Promise<PlaceResult[]> { const out: PlaceResult[] = []; for (const r of rs) out.push({ ok: true, order: await this.placeOrder(r) }); return out; }
  async cancelOrder(id: string): Promise<Order> { await sleep(1); const o = this.orders.get(id)!; return structuredClone(o); }
  async cancelAllOrders(): Promise<Order[]> { await sleep(1); return []; }
  async getOrder(id: string) { await sleep(1); return structuredClone(this.orders.get(id)!); }
  async getOpenOrders() { await sleep(1); return [...this.orders.values()].filter((o) => o.status === "SUBMITTED" || o.status === "PARTIALLY_FILLED").map((o) => structuredClone(o)); }
  async getPositions() { await sleep(1); return [...this.pos.keys()].map((s) => this.positionOf(s)).filter((p): p is Position => !!p); }
  async getPosition(symbol: string) {
    // BBB's fill events reach the engine while this read is on its way.
    if (this.held.length) setTimeout(() => { for (const e of this.held.splice(0)) this.emit(e); }, 1);
    await sleep(5);
    return this.positionOf(symbol);
  }
  async getAccount() { await sleep(1); return this.account(); }
  async getTrades() { return []; }
  async getMaxBuyQuantity() { return 1e9; }
  async getMaxSellQuantity() { return 1e9; }
  private fill(o: Order, q: number, price: number, hold: boolean, expire = false) {
    const before = this.pos.get(o.symbol) ?? 0;
    const d = o.side === "BUY" ? q : -q;
    if (o.reason === "close on halt" && (before === 0 || Math.sign(before) === Math.sign(d) || Math.abs(d) > Math.abs(before))) this.flips.push(`close ${o.clientOrderId} ${o.side} ${q} ${o.symbol} filled against venue position ${before}: flips/opens to ${before + d}`);
    this.pos.set(o.symbol, before + d);
    this.cash -= d * price;
    const fill = { id: `f${++this.seq}`, clientOrderId: o.clientOrderId, venueOrderId: o.venueOrderId, symbol: o.symbol, side: o.side, quantity: q, price, fee: 0, time: this.time };
    o.filledQuantity += q; o.averageFillPrice = price; o.fills = [...o.fills, fill as any];
    o.status = expire ? "EXPIRED" : o.filledQuantity >= o.quantity ? "FILLED" : "PARTIALLY_FILLED"; o.updatedAt = this.time;
    const evs: TradingEvent[] = [{ type: "fill", fill: fill as any, order: structuredClone(o) }, { type: "order", order: structuredClone(o) }];
    if (hold) this.held.push(...evs); else for (const e of evs) this.emit(e);
  }
  processBar(bar: Bar) {
    this.time = bar.openTime;
    this.last.set(bar.symbol, bar.close);
    if (bar.symbol === "BBB") {
      for (const o of [...this.orders.values()]) {
        if (o.status !== "SUBMITTED" || o.type !== "MARKET") continue;
        const first = this.closesFilled++ < 2;
        if (first && o.symbol === "AAA") this.fill(o, o.quantity / 2, bar.open, false, true); // half, then ended by the venue
        else if (first && o.symbol === "BBB") this.fill(o, o.quantity, bar.open, true); // whole, its events still on the wire
        else this.fill(o, o.quantity, bar.open, false);
      }
    }
    this.emit({ type: "account", account: this.account() });
  }
}

class ScriptFeed implements MarketDataProvider {
  readonly name = "script-feed";
  constructor(private readonly bars: Bar[], private readonly venue: ScriptVenue) {}
  async *stream(_s: string[], _i: string, options?: StreamOptions): AsyncIterable<StreamItem> {
    for (const bar of this.bars) {
      if (options?.signal?.aborted) return;
      await sleep(30);
      this.venue.processBar(bar);
      yield { type: "bar", bar };
    }
    await sleep(100);
  }
  async *history(): AsyncIterable<Bar> {}
  async close() {}
}


test("a top-up sized while another symbol's fill arrives reads that symbol first: no close past flat", async () => {
  // By hand: both shorts lose 10 % (close 110): the 1 % drawdown limit halts; closes BUY 100 AAA and BUY 400 BBB. AAA
  // fills 50 and ends (50 left), BBB fills 400 (flat). The top-up must close AAA's 50 only.
  const closes = [100, 100, 110, 110, 110, 110, 110];
  const a = barsFromCloses("AAA", closes);
  const b = barsFromCloses("BBB", closes);
  const bars = closes.flatMap((_, i) => [a[i]!, b[i]!]);
  const venue = new ScriptVenue();
  const engine = new LiveEngine({
    symbols: ["AAA", "BBB"], interval: "1m", marketData: new ScriptFeed(bars, venue), trading: venue, strategy: testStrategy({}), mode: "live",
    venueCallTimeoutMs: 200, sessionDir: join(root, "s"), logger: silentLogger, risk: { maxDrawdown: 0.01, closePositionsOnHalt: true },
  });
  const result = await engine.run();
  expect(result.tradingState).toBe("HALTED");
  expect(venue.flips).toEqual([]);
  expect([...venue.pos]).toEqual([["AAA", 0], ["BBB", 0]]);
});

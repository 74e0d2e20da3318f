import type { Bar, MarketDataProvider, Order, OrderRequest, StreamItem, TradingEvent, TradingEventListener, TradingProvider, TradeFilter } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { expect, test } from "bun:test";
import { silentLogger } from "../strategy/logger.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { LiveEngine } from "./live-engine.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const bars: Bar[] = Array.from({ length: 5 }, (_, i) => ({ symbol: "X", interval: "1h", openTime: T0 + i * HOUR, open: 100, high: 100, low: 100, close: 100, volume: 1e9 }));

/**
 * The paper venue across a network: its events come in order, each a millisecond after the one before, while its answers
 * to calls come at once (a REST read can overtake the event stream, as on a broker with separate channels).
 */
function networkVenue() {
  const paper = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
  const listeners: TradingEventListener[] = [];
  let chain = Promise.resolve();
  paper.on((event: TradingEvent) => {
    const copy = structuredClone(event);
    chain = chain.then(() => new Promise<void>((resolve) => setTimeout(() => {
      for (const listener of listeners) listener(copy);
      resolve();
    }, 1)));
  });
  const venue: TradingProvider = {
    name: "net",
    connect: () => paper.connect(),
    disconnect: () => paper.disconnect(),
    connectionState: () => paper.connectionState(),
    placeOrder: async (request: OrderRequest) => structuredClone(paper.placeOrderSync(request)) as Order,
    placeOrders: async (requests: OrderRequest[]) => requests.map((request) => ({ ok: true as const, order: structuredClone(paper.placeOrderSync(request)) as Order })),
    cancelOrder: (id: string) => paper.cancelOrder(id),
    cancelAllOrders: (symbol?: string) => paper.cancelAllOrders(symbol),
    getOrder: (id: string) => paper.getOrder(id),
    getOpenOrders: (symbol?: string) => paper.getOpenOrders(symbol),
    getPositions: () => paper.getPositions(),
    getPosition: (symbol: string) => paper.getPosition(symbol),
    getAccount: () => paper.getAccount(),
    getTrades: (filter?: TradeFilter) => paper.getTrades(filter),
    getMaxBuyQuantity: (symbol: string, price?: number) => paper.getMaxBuyQuantity(symbol, price),
    getMaxSellQuantity: (symbol: string, price?: number) => paper.getMaxSellQuantity(symbol, price),
    on: (listener: TradingEventListener) => {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  /** The market reaches the venue first (its fills happen there), then the engine gets the bar, once the venue's earlier events are delivered. */
  const marketData: MarketDataProvider = {
    name: "feed",
    async *stream(): AsyncIterable<StreamItem> {
      for (const bar of bars) {
        await chain;
        paper.setTime(bar.openTime + HOUR);
        paper.processBar(bar);
        yield { type: "bar", bar: { ...bar } };
      }
    },
    async *history() {},
    async close() {},
  } as unknown as MarketDataProvider;
  return { venue, marketData };
}

test("equity is judged on an account read after the positions read, not on cash from before the fills the read holds", async () => {
  // Prices stay at 100, no fees: equity is 10,000 throughout. Bar 0 buys 10 and 5 (filled at bar 1's open, one time for
  // both, so their position event confirms nothing and the position is read); bar 1 buys 20, which fills at bar 2's
  // open before the read, so the read answers LONG 35 while the cash an account event confirmed is 8,500 (after 15).
  // Judged on those, equity was 8,500 + 3,500 = 12,000, a false peak, and the next figure a 16.7 % drawdown: HALTED, and
  // every position closed. Read again after the positions, the cash is 6,500: equity 10,000.
  const { venue, marketData } = networkVenue();
  const seen: string[] = [];
  const changes: TradingStateChange[] = [];
  const strategy = testStrategy({
    async onBar(bar, ctx) {
      const i = (bar.openTime - T0) / HOUR;
      seen.push(`${ctx.account().balance} + ${ctx.position()?.quantity ?? 0}`);
      if (i === 0) {
        await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 10 });
        await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 5 });
      }
      if (i === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 20 });
    },
  });
  const engine = new LiveEngine({
    symbols: ["X"], interval: "1h", marketData, trading: venue, strategy, logger: silentLogger, mode: "paper",
    risk: { maxDrawdown: 0.05, closePositionsOnHalt: true },
  });
  const result = await engine.run(undefined, { onTradingStateChange: (change) => void changes.push(change) });
  expect(changes).toEqual([]);
  expect(result.tradingState).toBe("ACTIVE");
  // Bar 2's turn: 35 held and the cash that paid for them (10,000 − 3,500).
  expect(seen[2]).toBe("6500 + 35");
  expect(result.positions.map((p) => p.quantity)).toEqual([35]);
});

import type { Account, Bar, Fill, Order, Position, Trade } from "@argo/core";

/** A bar with the given fields; the rest are plausible defaults. */
export function makeBar(overrides: Partial<Bar> = {}): Bar {
  return { symbol: "BTCUSD", interval: "1m", openTime: 1_700_000_000_000, open: 100, high: 101, low: 99, close: 100.5, volume: 10, ...overrides };
}

/** An account with the given fields. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    currency: "USD",
    balance: 10_000,
    equity: 10_000,
    buyingPower: 10_000,
    realizedPnl: 0,
    unrealizedPnl: 0,
    totalFees: 0,
    marginUsed: 0,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A long position with the given fields. */
export function makePosition(overrides: Partial<Position> = {}): Position {
  return {
    symbol: "BTCUSD",
    side: "LONG",
    quantity: 1,
    averagePrice: 100,
    marketPrice: 100,
    realizedPnl: 0,
    unrealizedPnl: 0,
    fees: 0,
    openedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** An accepted limit order with the given fields. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    symbol: "BTCUSD",
    side: "BUY",
    type: "LIMIT",
    quantity: 1,
    limitPrice: 99,
    clientOrderId: "c-1",
    venueOrderId: "v-1",
    timeInForce: "GTC",
    status: "ACCEPTED",
    filledQuantity: 0,
    averageFillPrice: 0,
    fills: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A fill with the given fields. */
export function makeFill(overrides: Partial<Fill> = {}): Fill {
  return {
    id: "f-1",
    clientOrderId: "c-1",
    venueOrderId: "v-1",
    symbol: "BTCUSD",
    side: "BUY",
    quantity: 1,
    price: 100,
    fee: 0,
    time: 1_700_000_000_000,
    ...overrides,
  };
}

/** A trade (a fill with its realised PnL) with the given fields. */
export function makeTrade(overrides: Partial<Trade> = {}): Trade {
  return { ...makeFill(), realizedPnl: 0, ...overrides };
}

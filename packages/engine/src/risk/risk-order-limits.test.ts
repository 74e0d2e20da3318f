import { describe, expect, test } from "bun:test";
import { type OrderRequest, parseConfig, type Position } from "@argo/core";
import { backtest, bar, bars, onBarAt, strategy } from "../backtest/backtest.test-helper.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { riskConfigSchema } from "./risk-config.ts";
import { RiskManager, type RiskView } from "./risk-manager.ts";

const long = (quantity: number): Position => ({
  symbol: "X", side: "LONG", quantity, averagePrice: 100, marketPrice: 100, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: 0, updatedAt: 0,
});
const view = (over: Partial<RiskView> = {}): RiskView => ({ state: "ACTIVE", position: undefined, lastPrice: 100, equity: 10_000, openOrders: 0, ...over });
const order = (over: Partial<OrderRequest>): OrderRequest => ({ symbol: "X", side: "BUY", type: "MARKET", quantity: 1, ...over });
const manager = (input: unknown) => new RiskManager(parseConfig(riskConfigSchema, input, { label: "risk" }));
const shown = (r: OrderResult) => (r.status === "rejected" ? `rejected ${r.code}: ${r.reason}` : r.status);

describe("stop and limit orders are valued at the worst price they can fill at", () => {
  // Last price 100, 50 units: anything that fills at the market is worth 50 × 100 = 5,000, far above 1,000.
  const risk = manager({ maxOrderValue: 1000, maxPositionNotional: 1000 });

  test("a BUY STOP below the market and a SELL LIMIT below it fill at once: refused like the market order they are", () => {
    expect(risk.check(order({ quantity: 50, type: "STOP", stopPrice: 1 }), view())?.reason).toBe("order value 5000 exceeds maxOrderValue 1000");
    expect(risk.check(order({ side: "SELL", quantity: 50, type: "LIMIT", limitPrice: 1 }), view())?.reason).toBe("order value 5000 exceeds maxOrderValue 1000");
    expect(risk.check(order({ side: "SELL", quantity: 50, type: "STOP_LIMIT", stopPrice: 200, limitPrice: 1 }), view())?.reason).toBe("order value 5000 exceeds maxOrderValue 1000");
  });

  test("maxPositionNotional alone values them the same way", () => {
    const notional = manager({ maxPositionNotional: 1000 });
    expect(notional.check(order({ quantity: 50, type: "STOP", stopPrice: 1 }), view())?.reason).toBe("position value in X would be 5000, above maxPositionNotional 1000");
    expect(notional.check(order({ side: "SELL", quantity: 50, type: "LIMIT", limitPrice: 1 }), view())?.reason).toBe(
      "position value in X would be 5000, above maxPositionNotional 1000",
    );
  });

  test("orders that can only fill at a price of their own still pass at that price", () => {
    // BUY LIMIT 11 at 90: at most 990. SELL STOP 11 at 90 (below the market): around 990. SELL LIMIT 9 at 110: 990.
    expect(risk.check(order({ quantity: 11, type: "LIMIT", limitPrice: 90 }), view())).toBeUndefined();
    expect(risk.check(order({ side: "SELL", quantity: 11, type: "STOP", stopPrice: 90 }), view())).toBeUndefined();
    expect(risk.check(order({ side: "SELL", quantity: 9, type: "LIMIT", limitPrice: 110 }), view())).toBeUndefined();
    // BUY STOP 9 at 110 (above the market): 990 passes; 10 at 110 is 1,100.
    expect(risk.check(order({ quantity: 9, type: "STOP", stopPrice: 110 }), view())).toBeUndefined();
    expect(risk.check(order({ quantity: 10, type: "STOP", stopPrice: 110 }), view())?.reason).toBe("order value 1100 exceeds maxOrderValue 1000");
  });

  test("in a backtest neither fills into a position worth 5,000", async () => {
    const input = bars("X", [[100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 99, 100]]);
    for (const request of [
      { side: "BUY", quantity: 50, type: "STOP", stopPrice: 1 },
      { side: "SELL", quantity: 50, type: "LIMIT", limitPrice: 1 },
    ] as const) {
      const seen: string[] = [];
      const result = await backtest(input, onBarAt(async (i, _b, ctx) => {
        if (i === 0) seen.push(shown(await ctx.placeOrder(request)));
      }), { engine: { risk: { maxPositionNotional: 1000, maxOrderValue: 1000 }, closeAtEnd: false } });
      expect(seen).toEqual(["rejected RISK_REJECTED: order value 5000 exceeds maxOrderValue 1000"]);
      expect(result.positions).toEqual([]);
    }
  });
});

describe("in REDUCING, only a plain quantity-sized order against the position passes", () => {
  const risk = manager({});
  const reducing = view({ state: "REDUCING", position: long(60) });

  test("a close with bracket legs is judged as opening, and the refusal says why", () => {
    expect(risk.check(order({ side: "SELL", quantity: 60 }), reducing)).toBeUndefined();
    const rejected = risk.check(order({ side: "SELL", quantity: 60, takeProfit: { triggerPrice: 50 }, stopLoss: { triggerPrice: 90 } }), reducing);
    expect(rejected?.code).toBe("RISK_REJECTED");
    expect(rejected?.reason).toContain("trading is REDUCING");
    expect(rejected?.reason).toContain("takeProfit or stopLoss");
  });

  test("a close sized by quoteAmount or equityFraction is judged as opening, and the refusal says why", () => {
    // 4,800 at the last price 80 is exactly the long 60; at a fill price of 60 it would be 80 and open a short of 20.
    const quote = risk.check(order({ side: "SELL", quantity: undefined, quoteAmount: 4800 }), { ...reducing, lastPrice: 80 });
    expect(quote?.reason).toContain("only an order sized by quantity counts as one");
    expect(quote?.reason).toContain("quoteAmount");
    const fraction = risk.check(order({ side: "SELL", quantity: undefined, equityFraction: 0.1 }), reducing);
    expect(fraction?.reason).toContain("equityFraction");
  });

  test("outside REDUCING a close with legs meets the limits instead of passing as a reduce", () => {
    // Long 60 at 100: a SELL 60 is worth 6,000, above maxOrderValue 1,000. A plain one reduces and passes past it.
    const limited = manager({ maxOrderValue: 1000 });
    expect(limited.check(order({ side: "SELL", quantity: 60 }), view({ position: long(60) }))).toBeUndefined();
    expect(limited.check(order({ side: "SELL", quantity: 60, stopLoss: { triggerPrice: 120 } }), view({ position: long(60) }))?.reason).toBe(
      "order value 6000 exceeds maxOrderValue 1000",
    );
  });

  // Long 60 bought at 100; the close 80 on day 3 is a 12% drawdown of the 10,000 equity: REDUCING (maxDrawdown 0.1).
  const falling: [number, number, number, number][] = [[100, 100, 100, 100], [100, 100, 100, 100], [100, 100, 90, 90], [90, 90, 80, 80]];

  test("in a backtest, a closing SELL with a bracket is refused, so its BUY leg cannot reopen the long", async () => {
    const rows = [...falling, [80, 80, 78, 78], [78, 95, 78, 95], [95, 95, 95, 95]] as const;
    const seen: string[] = [];
    const result = await backtest(rows.map(([o, h, l, c], d) => bar("X", d, o, h, l, c)), strategy({ async onBar(_b, ctx) {
      const i = ctx.history().length - 1;
      if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 60 });
      if (i === 3) seen.push(ctx.tradingState, shown(await ctx.placeOrder({ side: "SELL", quantity: 60, takeProfit: { triggerPrice: 50 }, stopLoss: { triggerPrice: 90 } })));
    } }), { engine: { risk: { maxDrawdown: 0.1, haltDrawdown: 0.9 }, closeAtEnd: false } });
    expect(seen[0]).toBe("REDUCING");
    expect(seen[1]).toContain("rejected RISK_REJECTED: trading is REDUCING");
    // Only the opening BUY ever filled: no close, no leg.
    expect(result.fills.map((f) => [f.side, f.quantity])).toEqual([["BUY", 60]]);
  });

  test("in a backtest, a close by quoteAmount before a gap down is refused rather than opening a short", async () => {
    const rows = [...falling, [60, 60, 60, 60], [60, 60, 60, 60]] as const;
    const seen: string[] = [];
    const result = await backtest(rows.map(([o, h, l, c], d) => bar("X", d, o, h, l, c)), strategy({ async onBar(_b, ctx) {
      const i = ctx.history().length - 1;
      if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 60 });
      if (i === 3) seen.push(shown(await ctx.placeOrder({ side: "SELL", quoteAmount: 4800 })));
    } }), { engine: { risk: { maxDrawdown: 0.1, haltDrawdown: 0.9 }, closeAtEnd: false } });
    expect(seen[0]).toContain("rejected RISK_REJECTED: trading is REDUCING");
    expect(result.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 60]]);
  });
});

describe("maxOpenOrders counts an entry's bracket legs", () => {
  test("an entry counts as itself and each leg", () => {
    const risk = manager({ maxOpenOrders: 3 });
    const both = order({ takeProfit: { triggerPrice: 150 }, stopLoss: { triggerPrice: 50 } });
    expect(risk.check(both, view({ openOrders: 0 }))).toBeUndefined(); // 0 + 3 = 3
    expect(risk.check(both, view({ openOrders: 1 }))?.reason).toBe(
      "maxOpenOrders 3 would be exceeded: 1 open, and this order adds 3 (itself and the 2 bracket legs the venue places when it fills)",
    );
    const one = order({ stopLoss: { triggerPrice: 50 } });
    expect(risk.check(one, view({ openOrders: 1 }))).toBeUndefined(); // 1 + 2 = 3
    expect(risk.check(one, view({ openOrders: 2 }))?.code).toBe("RISK_REJECTED"); // 2 + 2 = 4
    expect(risk.check(order({}), view({ openOrders: 2 }))).toBeUndefined(); // 2 + 1 = 3
  });

  test("in a backtest, two bracket entries in one turn cannot leave four legs open under maxOpenOrders 3", async () => {
    const seen: string[] = [];
    let mostOpen = 0;
    const flat = Array.from({ length: 5 }, (_, d) => bar("X", d, 100, 101, 99, 100));
    await backtest(flat, strategy({ async onBar(_b, ctx) {
      if (ctx.history().length === 1) {
        for (let k = 0; k < 2; k++) {
          seen.push(shown(await ctx.signal({ action: "OPEN_LONG", quantity: 1, takeProfit: { triggerPrice: 150 }, stopLoss: { triggerPrice: 50 } })));
        }
      }
      mostOpen = Math.max(mostOpen, ctx.openOrders().length);
    } }), { engine: { risk: { maxOpenOrders: 3 }, closeAtEnd: false } });
    expect(seen[0]).toBe("placed");
    expect(seen[1]).toContain("maxOpenOrders 3 would be exceeded");
    // The one entry's two legs, never more.
    expect(mostOpen).toBe(2);
  });
});

describe("maxOpenOrders counts the legs of entries already open", () => {
  test("three resting bracket entries under maxOpenOrders 5: the third is refused (3 entries + their legs would pass 5)", async () => {
    // Limit entries at 90 below a market that stays at 99–101: they rest, their legs not placed yet. Each counts as
    // itself and its one stop-loss leg: 2, then 4, then a third would make 6 > 5.
    const seen: string[] = [];
    const flat = Array.from({ length: 4 }, (_, d) => bar("X", d, 100, 101, 99, 100));
    await backtest(flat, strategy({ async onBar(_b, ctx) {
      if (ctx.history().length <= 3) {
        seen.push(shown(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 1, stopLoss: { triggerPrice: 80 } })));
      }
    } }), { engine: { risk: { maxOpenOrders: 5 }, closeAtEnd: false } });
    expect(seen.slice(0, 2)).toEqual(["placed", "placed"]);
    expect(seen[2]).toContain("maxOpenOrders 5 would be exceeded");
  });
});

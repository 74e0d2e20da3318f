import { describe, expect, test } from "bun:test";
import { type OrderRequest, parseConfig, type Position, safeParseConfig } from "@argo/core";
import { riskConfigSchema } from "./risk-config.ts";
import { RiskManager, type RiskView } from "./risk-manager.ts";

const long = (quantity: number): Position => ({
  symbol: "X", side: "LONG", quantity, averagePrice: 100, marketPrice: 100, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: 0, updatedAt: 0,
});
const view = (over: Partial<RiskView> = {}): RiskView => ({ state: "ACTIVE", position: undefined, lastPrice: 100, equity: 10_000, openOrders: 0, ...over });
const buy = (quantity: number, extra: Partial<OrderRequest> = {}): OrderRequest => ({ symbol: "X", side: "BUY", type: "MARKET", quantity, ...extra });
const sell = (quantity: number): OrderRequest => ({ symbol: "X", side: "SELL", type: "MARKET", quantity });
const manager = (input: unknown) => new RiskManager(parseConfig(riskConfigSchema, input, { label: "risk" }));

describe("RiskManager", () => {
  test("maxPositionQuantity counts the existing position; a reduce passes even above the limit", () => {
    const risk = manager({ maxPositionQuantity: 10 });
    expect(risk.check(buy(10), view())).toBeUndefined();
    expect(risk.check(buy(11), view())?.reason).toContain("maxPositionQuantity 10");
    expect(risk.check(buy(4), view({ position: long(7) }))?.code).toBe("RISK_REJECTED"); // 7 + 4 = 11
    expect(risk.check(buy(3), view({ position: long(7) }))).toBeUndefined();
    expect(risk.check(sell(5), view({ position: long(50) }))).toBeUndefined(); // reduces 50 → 45
  });

  test("maxPositionNotional uses the limit price when given, else the last price; per-symbol overrides win", () => {
    const risk = manager({ maxPositionNotional: 1000, symbols: { Y: { maxPositionNotional: 5000 } } });
    expect(risk.check(buy(10), view())).toBeUndefined(); // 10 × 100 = 1000
    expect(risk.check(buy(11), view())?.reason).toContain("maxPositionNotional 1000");
    expect(risk.check(buy(11, { type: "LIMIT", limitPrice: 90 }), view())).toBeUndefined(); // 990
    expect(risk.check({ ...buy(40), symbol: "Y" }, view())).toBeUndefined(); // 4000 ≤ 5000
  });

  test("maxOrderValue estimates quote and equity sizing", () => {
    const risk = manager({ maxOrderValue: 2000 });
    expect(risk.check(buy(20), view())).toBeUndefined();
    expect(risk.check(buy(21), view())?.reason).toContain("maxOrderValue 2000");
    expect(risk.check({ symbol: "X", side: "BUY", type: "MARKET", quoteAmount: 2500 }, view())?.code).toBe("RISK_REJECTED");
    expect(risk.check({ symbol: "X", side: "BUY", type: "MARKET", equityFraction: 0.1 }, view())).toBeUndefined(); // 1000
    expect(risk.check({ symbol: "X", side: "BUY", type: "MARKET", equityFraction: 0.5 }, view())?.code).toBe("RISK_REJECTED"); // 5000
  });

  test("an equity-sized order against a position is valued with the part that reduces it (the venue sizes it so)", () => {
    // Equity 1,000 at 100, short 5: the paper venue buys fraction × (buying power + 2 × 5 × 100) ÷ 100, up to 1 × (1000 +
    // 1000) ÷ 100 = 20 units worth 2,000, ending long 15 — not 10 units ending long 5.
    const short5: Position = { ...long(5), side: "SHORT" };
    const equityBuy: OrderRequest = { symbol: "X", side: "BUY", type: "MARKET", equityFraction: 1 };
    expect(manager({ maxOrderValue: 1000 }).check(equityBuy, view({ equity: 1000, position: short5 }))?.reason).toContain("order value 2000 exceeds maxOrderValue 1000");
    expect(manager({ maxPositionQuantity: 5 }).check(equityBuy, view({ equity: 1000, position: short5 }))?.reason).toContain("would be 15");
    // With the position on its own side nothing is reduced: 1,000 ÷ 100 = 10.
    expect(manager({ maxOrderValue: 1000 }).check(equityBuy, view({ equity: 1000, position: long(5) }))).toBeUndefined();
    // A close of the short already working (a BUY 5 sent just before, as a reversal does): nothing is left to reduce.
    const closing = new RiskManager(parseConfig(riskConfigSchema, { maxOrderValue: 1000 }, { label: "risk" }), (_symbol, side) => (side === "BUY" ? 5 : 0));
    expect(closing.check(equityBuy, view({ equity: 1000, position: short5 }))).toBeUndefined();
  });

  test("maxOpenOrders counts open and in-flight orders; closes still pass", () => {
    const risk = manager({ maxOpenOrders: 2 });
    expect(risk.check(buy(1), view({ openOrders: 1 }))).toBeUndefined();
    expect(risk.check(buy(1), view({ openOrders: 2 }))?.reason).toContain("maxOpenOrders 2");
    expect(risk.check(sell(1), view({ openOrders: 5, position: long(3) }))).toBeUndefined();
  });

  test("REDUCING accepts only reducing orders; a flip is not a reduce; HALTED refuses everything", () => {
    const risk = manager({});
    expect(risk.check(buy(1), view({ state: "REDUCING" }))?.code).toBe("RISK_REJECTED");
    expect(risk.check(sell(2), view({ state: "REDUCING", position: long(2) }))).toBeUndefined();
    expect(risk.check(sell(3), view({ state: "REDUCING", position: long(2) }))?.code).toBe("RISK_REJECTED");
    const halted = risk.check(sell(1), view({ state: "HALTED", position: long(2) }));
    expect(halted?.code).toBe("TRADING_HALTED");
  });

  test("orders against a position reduce only up to what is not already being closed; past it they meet every check", () => {
    // Long 1 at 100 with a SELL 1 already working: another SELL 1 would make it short 1, so it is not a reduce.
    const config = parseConfig(riskConfigSchema, { maxOrderValue: 50, maxOpenOrders: 3 }, { label: "risk" });
    let sellsWorking = 0;
    const risk = new RiskManager(config, (symbol, side) => (symbol === "X" && side === "SELL" ? sellsWorking : 0));
    expect(risk.check(sell(1), view({ position: long(1), state: "REDUCING" }))).toBeUndefined();
    expect(risk.check(sell(1), view({ position: long(1), openOrders: 3 }))).toBeUndefined(); // 100 > maxOrderValue 50, yet a reduce
    sellsWorking = 1;
    expect(risk.check(sell(1), view({ position: long(1), state: "REDUCING" }))?.reason).toContain("REDUCING");
    expect(risk.check(sell(1), view({ position: long(1), openOrders: 3 }))?.reason).toContain("maxOpenOrders 3");
    expect(risk.check(sell(1), view({ position: long(1) }))?.reason).toContain("maxOrderValue 50");
    // Long 2 with 1 working: 1 more still fits the position (1 + 1 ≤ 2).
    expect(risk.check(sell(1), view({ position: long(2), state: "REDUCING" }))).toBeUndefined();
    // Unknown size working (NaN) is no room to reduce into.
    sellsWorking = Number.NaN;
    expect(risk.check(sell(1), view({ position: long(2), state: "REDUCING" }))?.code).toBe("RISK_REJECTED");
  });

  test("position limits project the position with every order already working on the order's side", () => {
    let working = { BUY: 0, SELL: 0 };
    const risk = new RiskManager(parseConfig(riskConfigSchema, { maxPositionQuantity: 1 }, { label: "risk" }), (_s, side) => working[side]);
    // Long 1, SELL 1 working: a second SELL 1 makes short 1 at worst (|1 − 2| = 1): allowed.
    working = { BUY: 0, SELL: 1 };
    expect(risk.check(sell(1), view({ position: long(1) }))).toBeUndefined();
    // Two working: short 2 at worst, above 1.
    working = { BUY: 0, SELL: 2 };
    expect(risk.check(sell(1), view({ position: long(1) }))?.reason).toBe(
      "position in X would be 2 with the 2 already working on the SELL side, above maxPositionQuantity 1",
    );
    // Opening orders stack the same way: flat, BUY 1 working, BUY 1 more → 2.
    working = { BUY: 1, SELL: 0 };
    expect(risk.check(buy(1), view())?.reason).toContain("above maxPositionQuantity 1");
    // Notional too: BUY 1 working at 300, flat. 0.5 more: 1.5 × 300 = 450 ≤ 450; 0.6 more: 1.6 × 300 = 480.
    const notional = new RiskManager(parseConfig(riskConfigSchema, { maxPositionNotional: 450 }, { label: "risk" }), (_s, side) => working[side]);
    expect(notional.check(buy(0.5), view({ lastPrice: 300 }))).toBeUndefined();
    expect(notional.check(buy(0.6), view({ lastPrice: 300 }))?.reason).toBe(
      "position value in X would be 480 with the 1 already working on the BUY side, above maxPositionNotional 450",
    );
  });

  test("without a known price, limits that need one refuse the order instead of guessing", () => {
    const risk = manager({ maxOrderValue: 100 });
    expect(risk.check(buy(1), view({ lastPrice: Number.NaN }))?.reason).toContain("no price known");
    expect(manager({}).check(buy(1), view({ lastPrice: Number.NaN }))).toBeUndefined();
  });
});

describe("riskConfigSchema", () => {
  test("names every bad field", () => {
    const result = safeParseConfig(riskConfigSchema, { maxDrawdown: 2, maxOpenOrders: 0.5, circuitBreakerErrors: 0, bogus: 1 }, { label: "risk", pathPrefix: "risk" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = [...new Set(result.issues.map((i) => i.path))].sort();
    expect(paths).toEqual(["risk.bogus", "risk.circuitBreakerErrors", "risk.maxDrawdown", "risk.maxOpenOrders"]);
  });

  test("a halt threshold below its reducing limit is refused, naming the field", () => {
    const result = safeParseConfig(riskConfigSchema, { maxDrawdown: 0.2, haltDrawdown: 0.1 }, { label: "risk" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(["haltDrawdown"]);
  });

  test("defaults: 5 consecutive errors trip the breaker, positions are not closed on halt", () => {
    expect(parseConfig(riskConfigSchema, {}, { label: "risk" })).toEqual({ circuitBreakerErrors: 5, closePositionsOnHalt: false });
  });
});

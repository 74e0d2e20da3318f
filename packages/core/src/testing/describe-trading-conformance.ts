import { afterEach, beforeEach, describe, expect, test as bunTest } from "bun:test";
import type { TradingEvent } from "../contracts/trading-event.ts";
import type { TradingProvider } from "../contracts/trading-provider.ts";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";
import { isArgoError } from "../errors/is-argo-error.ts";
import type { ErrorCode } from "../errors/error-codes.ts";
import type { ConformanceHarness, TradingConformanceOptions } from "./conformance-harness.ts";
import { cashMoved, feesInCurrency } from "./account-fees.ts";
import { ContractWatch } from "./contract-watch.ts";
import { waitFor } from "./wait-for.ts";

/**
 * The trading-provider conformance suite: call it from a plugin's own test file with a factory for
 * its provider. Every test runs against a real, connected instance, and also fails when an event or answer the
 * provider gave during it breaks the contract's types as the engine reads them (src/shape).
 */
export function describeTradingConformance(options: TradingConformanceOptions): void {
  const { symbol, price, quantity } = options;
  const tolerance = options.tolerance ?? 1e-9;
  const unknownSymbol = options.unknownSymbol ?? "NOSUCHSYMBOL";
  const step = options.quantityStep;
  // Sizes the suite derives are rounded down to the lot step, so a venue answers about funds, not the lot-size rule.
  const lot = (quantity: number) => (step ? Math.floor(quantity / step + 1e-9) * step : quantity);
  let harness: ConformanceHarness;
  /** The provider seen through `watch`, which checks its answers; the tests call it, never `harness.provider`. */
  let venue: TradingProvider;
  let watch: ContractWatch;
  let events: TradingEvent[];

  const differs = (actual: number, expected: number) => Math.abs(actual - expected) > tolerance * Math.max(1, Math.abs(expected));
  const near = (actual: number, expected: number) =>
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  const expectCode = async (promise: Promise<unknown>, codes: ErrorCode[]) => {
    const outcome = await promise.then(
      () => ({ refused: false as const }),
      (error: unknown) => ({ refused: true as const, error }),
    );
    const wanted = `a refusal with ${codes.join(" or ")}`;
    if (!outcome.refused) throw new Error(`expected ${wanted}, but the call succeeded`);
    if (!isArgoError(outcome.error)) throw new Error(`expected ${wanted}, but it threw something that is not an ArgoError: ${String(outcome.error)}`);
    expect(codes).toContain(outcome.error.code);
  };
  /** A test that also fails naming every event and answer of the provider that broke the contract's types meanwhile. */
  const test = (name: string, body: () => Promise<void>) =>
    bunTest(name, async () => {
      let failed = false;
      let failure: unknown;
      try {
        await body();
      } catch (error) {
        failed = true;
        failure = error;
      }
      watch.verify(failed ? (failure ?? new Error("the test threw undefined")) : undefined);
    });
  /** getOrder of an order placeOrder resolved with: the venue must know it from then on (the engine asks it after a lost answer). */
  const known = (id: string) =>
    venue.getOrder(id).catch((error: unknown) => {
      const said = isArgoError(error) ? `${error.code}: ${error.message}` : String(error);
      throw new Error(`placeOrder resolved but getOrder("${id}") does not know the order (it threw ${said})`);
    });
  const filled = (id: string) =>
    waitFor(`order ${id} to fill`, async () => {
      const order = await known(id);
      return order.status === "FILLED" ? order : undefined;
    });
  /** The fill events of one order, a fill reported again (same id) counted once, as the engine books it once. */
  const fillsOf = (clientOrderId: string): Fill[] => {
    const byId = new Map<string, Fill>();
    for (const e of events) if (e.type === "fill" && e.fill.clientOrderId === clientOrderId && !byId.has(e.fill.id)) byId.set(e.fill.id, e.fill);
    return [...byId.values()];
  };
  /** Fails unless a filled order's filledQuantity is the sum of its fill events, naming both; returns that sum. */
  const filledAsFills = async (order: Order): Promise<number> => {
    const id = order.clientOrderId;
    const total = () => fillsOf(id).reduce((sum, fill) => sum + fill.quantity, 0);
    // Fill events may come after the order's status and in parts: wait for them, but not past what the order says.
    await waitFor(`fill events of order ${id}`, () => !(total() < order.filledQuantity && differs(total(), order.filledQuantity))).catch(() => undefined);
    if (fillsOf(id).length === 0) throw new Error(`order ${id}: filledQuantity ${order.filledQuantity}, but no fill event came for it`);
    const sum = total();
    if (differs(order.filledQuantity, sum)) throw new Error(`order ${id}: filledQuantity ${order.filledQuantity} ≠ sum of its fills ${sum}`);
    return sum;
  };

  describe(`trading conformance: ${options.name}`, () => {
    beforeEach(async () => {
      harness = await options.create();
      watch = new ContractWatch();
      venue = watch.wrap(harness.provider);
      events = [];
      venue.on((event) => {
        events.push(event);
        watch.event(event);
      });
      await venue.connect();
      await harness.setPrice(symbol, price);
    });
    afterEach(async () => {
      await venue.disconnect();
      await harness.cleanup?.();
    });

    test("connects and reports its state", async () => {
      expect(venue.connectionState()).toBe("CONNECTED");
      await venue.disconnect();
      expect(venue.connectionState()).toBe("DISCONNECTED");
      await expectCode(venue.getAccount(), ["PROVIDER_NOT_CONNECTED"]);
      await venue.connect();
      expect(venue.connectionState()).toBe("CONNECTED");
    });

    // Flat is absent (the suite's accounts start flat: equity = balance below). A position listed with quantity 0 is not
    // flat to a strategy asking "do I hold a position?"; the watch fails it, as it fails a position or account without updatedAt.
    test("a flat position is not listed: not on a fresh account, not after a position is closed", async () => {
      const expectFlat = async () => {
        expect(await venue.getPosition(symbol)).toBeUndefined();
        expect((await venue.getPositions()).map((p) => p.symbol)).not.toContain(symbol);
      };
      await expectFlat();
      await venue.getAccount();
      const buy = await venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity });
      await harness.setPrice(symbol, price);
      await filled(buy.clientOrderId);
      const sell = await venue.placeOrder({ symbol, side: "SELL", type: "MARKET", quantity });
      await harness.setPrice(symbol, price);
      await filled(sell.clientOrderId);
      await expectFlat();
    });

    test("a market order returns both ids, fills, and emits order and fill events", async () => {
      const placed = await venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity, clientOrderId: "conf-mkt-1" });
      expect(placed.clientOrderId).toBe("conf-mkt-1");
      expect(placed.venueOrderId.length).toBeGreaterThan(0);
      await harness.setPrice(symbol, price);
      const order = await filled(placed.venueOrderId);
      near(await filledAsFills(order), quantity);
      expect(order.averageFillPrice).toBeGreaterThan(0);
      expect(events.some((e) => e.type === "order" && e.order.clientOrderId === "conf-mkt-1" && e.order.status === "FILLED")).toBe(true);
      const position = await venue.getPosition(symbol);
      expect(position?.side).toBe("LONG");
      near(position?.quantity ?? 0, quantity);
      const trades = await venue.getTrades({ symbol });
      near(trades.reduce((sum, t) => sum + t.quantity, 0), quantity);
    });

    test("a resting limit order is open until cancelled", async () => {
      const placed = await venue.placeOrder({
        symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.5, timeInForce: "GTC", clientOrderId: "conf-lmt-1",
      });
      await harness.setPrice(symbol, price);
      const open = await venue.getOpenOrders(symbol);
      expect(open.map((o) => o.clientOrderId)).toContain("conf-lmt-1");
      const cancelled = await venue.cancelOrder(placed.clientOrderId);
      expect(cancelled.status).toBe("CANCELLED");
      expect((await known(placed.venueOrderId)).status).toBe("CANCELLED");
      expect((await venue.getOpenOrders(symbol)).map((o) => o.clientOrderId)).not.toContain("conf-lmt-1");
      await expectCode(venue.cancelOrder(placed.clientOrderId), ["ORDER_NOT_FOUND", "ORDER_ALREADY_FILLED", "INVALID_ORDER"]);
      // An id never placed: answering it "cancelled" would tell the engine an order it never saw ended.
      await expectCode(venue.cancelOrder("no-such-order"), ["ORDER_NOT_FOUND"]);
    });

    test("a limit order fills when the price trades through it", async () => {
      const placed = await venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.9 });
      await harness.setPrice(symbol, price * 0.85);
      const order = await filled(placed.clientOrderId);
      expect(order.averageFillPrice).toBeLessThanOrEqual(price * 0.9 * (1 + tolerance));
    });

    test("cancel all cancels every open order", async () => {
      const ids: Order[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(await venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * (0.5 - i * 0.01) }));
      }
      const cancelled = await venue.cancelAllOrders();
      expect(cancelled.map((o) => o.clientOrderId).sort()).toEqual(ids.map((o) => o.clientOrderId).sort());
      expect(await venue.getOpenOrders()).toHaveLength(0);
    });

    test("an order id is never used twice", async () => {
      await venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.5, clientOrderId: "conf-dup" });
      await expectCode(
        venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.5, clientOrderId: "conf-dup" }),
        ["DUPLICATE_ORDER"],
      );
      expect((await venue.getOpenOrders(symbol)).filter((o) => o.clientOrderId === "conf-dup")).toHaveLength(1);
    });

    // The same holds for an order that ended unfilled: a venue that forgets a cancelled order's client id would take a
    // retried placement of it as a new order, and `getOrder(id)` would name another order than the one cancelled.
    test("the id of a cancelled order is not used again", async () => {
      const placed = await venue.placeOrder({
        symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.5, timeInForce: "GTC", clientOrderId: "conf-dup-cancelled",
      });
      await venue.cancelOrder(placed.clientOrderId);
      await expectCode(
        venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity, limitPrice: price * 0.5, timeInForce: "GTC", clientOrderId: "conf-dup-cancelled" }),
        ["DUPLICATE_ORDER"],
      );
      const order = await known("conf-dup-cancelled");
      expect(order.venueOrderId).toBe(placed.venueOrderId);
      expect(order.status).toBe("CANCELLED");
      expect((await venue.getOpenOrders(symbol)).map((o) => o.clientOrderId)).not.toContain("conf-dup-cancelled");
    });

    // What a provider owes here: an id it placed names that order for good, finished or not, so a retry after the
    // fill is refused and `getOrder(id)` keeps meaning the one order. Some venues take a finished order's id again
    // (Binance, Kraken); their provider must refuse from its own record. The engine refuses ids its session or journal
    // used as well, but a provider is also used without the engine, and a retried request must never trade twice.
    test("the id of a filled order is not used again", async () => {
      const placed = await venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity, clientOrderId: "conf-dup-filled" });
      await harness.setPrice(symbol, price);
      await filled(placed.clientOrderId);
      await expectCode(
        venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity, clientOrderId: "conf-dup-filled" }),
        ["DUPLICATE_ORDER"],
      );
      await harness.setPrice(symbol, price);
      const order = await known("conf-dup-filled");
      expect(order.venueOrderId).toBe(placed.venueOrderId);
      near(await filledAsFills(order), quantity);
      near((await venue.getPosition(symbol))?.quantity ?? 0, quantity);
    });

    test("the account stays consistent: equity = cash + marked positions, fees accounted", async () => {
      const before = await venue.getAccount();
      near(before.equity, before.balance);
      const buy = await venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity: quantity * 2 });
      await harness.setPrice(symbol, price);
      await filled(buy.clientOrderId);
      const sell = await venue.placeOrder({ symbol, side: "SELL", type: "MARKET", quantity });
      await harness.setPrice(symbol, price * 1.1);
      await filled(sell.clientOrderId);
      await harness.setPrice(symbol, price * 1.2);
      const account = await venue.getAccount();
      const positions = await venue.getPositions();
      const marked = positions.reduce((sum, p) => sum + (p.side === "LONG" ? 1 : -1) * p.quantity * p.marketPrice, 0);
      near(account.equity, account.balance + marked);
      const trades = await venue.getTrades();
      // Fees paid in another asset (Binance's BNB) are not the account currency's cash or totalFees.
      near(account.totalFees, feesInCurrency(trades, account.currency));
      near(account.balance, before.balance + cashMoved(trades, account.currency));
    });

    test("rejects insufficient funds, an unknown symbol and an invalid quantity with their codes", async () => {
      const account = await venue.getAccount();
      await expectCode(
        venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity: lot((account.buyingPower / price) * 10), limitPrice: price }),
        ["INSUFFICIENT_FUNDS"],
      );
      await expectCode(venue.placeOrder({ symbol: unknownSymbol, side: "BUY", type: "MARKET", quantity }), ["UNKNOWN_SYMBOL"]);
      await expectCode(venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity: 0 }), ["INVALID_ORDER"]);
      await expectCode(venue.placeOrder({ symbol, side: "BUY", type: "MARKET", quantity: -quantity }), ["INVALID_ORDER"]);
      await expectCode(venue.getOrder("no-such-order"), ["ORDER_NOT_FOUND"]);
      expect(await venue.getOpenOrders()).toHaveLength(0);
    });

    test("max buy and max sell quantities are honest", async () => {
      const maxBuy = await venue.getMaxBuyQuantity(symbol, price);
      expect(maxBuy).toBeGreaterThan(0);
      await expectCode(
        venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity: lot(maxBuy * 1.02 + (step ?? 0)), limitPrice: price }),
        ["INSUFFICIENT_FUNDS"],
      );
      const order = await venue.placeOrder({ symbol, side: "BUY", type: "LIMIT", quantity: maxBuy, limitPrice: price });
      await harness.setPrice(symbol, price);
      await filled(order.clientOrderId);
      const maxSell = await venue.getMaxSellQuantity(symbol, price);
      expect(maxSell).toBeGreaterThanOrEqual(maxBuy * (1 - 1e-9));
      await expectCode(
        venue.placeOrder({ symbol, side: "SELL", type: "LIMIT", quantity: lot(maxSell * 1.02 + quantity), limitPrice: price }),
        ["INSUFFICIENT_POSITION", "INSUFFICIENT_FUNDS"],
      );
      const sell = await venue.placeOrder({ symbol, side: "SELL", type: "LIMIT", quantity: maxSell, limitPrice: price });
      await harness.setPrice(symbol, price);
      await filled(sell.clientOrderId);
    });
  });
}

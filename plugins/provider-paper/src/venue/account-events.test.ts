import { describe, expect, test } from "bun:test";
import type { Account, TradingEvent } from "@argo/core";
import { harness, money } from "../__fixtures__/venue-harness.ts";

// A 0.1% commission on both sides: a reservation is quantity × price × 1.001 (the worse of the two rates).
const FEES = { initialCapital: 10_000, commission: { makerRate: 0.001, takerRate: 0.001 } } as const;

/** The events as `order:<status>` or their type, so the order of what is told can be checked at a glance. */
function kinds(events: readonly TradingEvent[]): string[] {
  return events.map((e) => (e.type === "order" ? `order:${e.order.status}` : e.type));
}

/** The account of the last account event (the engine's mirror keeps just that). */
function lastAccount(events: readonly TradingEvent[]): Account | undefined {
  const last = events.findLast((e) => e.type === "account");
  return last?.type === "account" ? last.account : undefined;
}

describe("the account is told when it changes without a fill", () => {
  test("a resting order's reservation follows its order event, a bar that leaves it resting tells nothing, its cancel gives it back", async () => {
    const { venue, feed, events } = await harness(FEES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 100, clientOrderId: "rest" });
    expect(kinds(events)).toEqual(["order:ACCEPTED", "account"]);
    // 10,000 − 100 × 50 × 1.001 reserved = 4,995 (the hunt's repro: the mirror kept 10,000).
    money(lastAccount(events)?.buyingPower, 4_995);
    money((await venue.getAccount()).buyingPower, 4_995);

    events.length = 0;
    feed({ open: 100, high: 100, low: 60, close: 100 });
    feed({ open: 100, high: 100, low: 60, close: 100 });
    expect(events).toEqual([]);

    await venue.cancelOrder("rest");
    expect(kinds(events)).toEqual(["order:CANCELLED", "account"]);
    money(lastAccount(events)?.buyingPower, 10_000);
  });

  test("an order that reserves no cash (sized by equity, or only reducing a long) tells no account, nor does its cancel", async () => {
    const { venue, feed, events } = await harness(FEES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 10 });
    feed(100);
    events.length = 0;
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 120, quantity: 10, clientOrderId: "close" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 50, equityFraction: 0.5, clientOrderId: "eq" });
    expect(kinds(events)).toEqual(["order:ACCEPTED", "order:ACCEPTED"]);
    await venue.cancelAllOrders();
    expect(kinds(events)).toEqual(["order:ACCEPTED", "order:ACCEPTED", "order:CANCELLED", "order:CANCELLED"]);
  });

  test("cancelAllOrders tells the cash it released once, after all its order events", async () => {
    const { venue, events } = await harness(FEES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 10 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 40, quantity: 20 });
    // 10 × 50 × 1.001 + 20 × 40 × 1.001 = 500.5 + 800.8 reserved.
    money(lastAccount(events)?.buyingPower, 10_000 - 1_301.3);
    events.length = 0;
    await venue.cancelAllOrders();
    expect(kinds(events)).toEqual(["order:CANCELLED", "order:CANCELLED", "account"]);
    money(lastAccount(events)?.buyingPower, 10_000);
  });

  test("a DAY order's expiry tells the account after the EXPIRED order", async () => {
    const { venue, feed, events } = await harness(FEES, "1d");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 10, timeInForce: "DAY" });
    money(lastAccount(events)?.buyingPower, 10_000 - 500.5);
    events.length = 0;
    // The next daily bar holds the order's day end: it does not reach 50, so the order expires with it.
    feed({ open: 100, high: 100, low: 60, close: 100 });
    expect(kinds(events)).toEqual(["order:EXPIRED", "account"]);
    money(lastAccount(events)?.buyingPower, 10_000);
  });

  test("an IOC's unfilled rest expires after its fill: the fill's account, then the one with the rest's cash released", async () => {
    const { venue, feed, events } = await harness({ ...FEES, maxVolumeShare: 0.5 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 4, timeInForce: "IOC" });
    money(lastAccount(events)?.buyingPower, 10_000 - 400.4);
    events.length = 0;
    // Volume 4 × 0.5 lets 2 trade at the open 100 (taker fee 0.2): cash 9,799.8, 2 × 100.1 still reserved.
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 4 });
    expect(kinds(events)).toEqual(["order:PARTIALLY_FILLED", "fill", "position", "account", "order:EXPIRED", "account"]);
    const accounts = events.filter((e) => e.type === "account").map((e) => (e.type === "account" ? e.account.buyingPower : 0));
    money(accounts[0], 9_799.8 - 200.2);
    money(accounts[1], 9_799.8);
  });

  test("an order refused at its fill tells the account after the REJECTED order", async () => {
    const { venue, feed, events } = await harness(FEES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", stopPrice: 150, quantity: 60 });
    // Judged at its stop: 60 × 150 × 1.001 = 9,009 reserved.
    money(lastAccount(events)?.buyingPower, 991);
    events.length = 0;
    // A gap to 200 fills it there: 12,012 needed, 10,000 there.
    feed(200);
    expect(kinds(events)).toEqual(["order:REJECTED", "account"]);
    money(lastAccount(events)?.buyingPower, 10_000);
  });

  test("a bar that only moves the price tells nothing: a long's buying power does not depend on its close", async () => {
    const { venue, feed, events } = await harness(FEES);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 10 });
    feed(100);
    // Bought 10 at 100 (fee 1): cash 8,999, the long's value counted in equity and in exposure alike.
    money(lastAccount(events)?.buyingPower, 8_999);
    events.length = 0;
    feed({ open: 110, high: 112, low: 108, close: 110 });
    expect(events).toEqual([]);
    money((await venue.getAccount()).buyingPower, 8_999);
  });
});

describe("what the account events leave a listener holding is what getAccount says, after every call", () => {
  // A seeded walk (mulberry32) of placements of every sizing and time in force, cancels and bars, with partial fills: the
  // expectation is the venue's own getAccount, so nothing here is copied from an implementation. Without shorting: a
  // short's buying power moves with its close, which no event tells (events.ts flushAccount).
  test("buying power, cash, margin, realised P&L and fees agree after each placement, cancel and bar", async () => {
    let seed = 2024;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const { venue, feed, events } = await harness({ ...FEES, maxVolumeShare: 0.2, defaultRules: { stepSize: 0.01 } }, "1h");
    let price = 100;
    let told = 0;
    // As the engine does: the account read once at the start, then kept from the venue's account events.
    let held = await venue.getAccount();
    venue.on((e) => {
      if (e.type === "account") held = e.account;
    });
    const check = async (what: string) => {
      // What the events told before the read: the read settles the venue's clock, which would send an owed account event.
      const told = held;
      const actual = await venue.getAccount();
      for (const field of ["buyingPower", "balance", "marginUsed", "realizedPnl", "totalFees"] as const) {
        // A long marked at a new close leaves its buying power as it was but for float noise ((cash + v) − v): not a change.
        const gap = Math.abs(told[field] - actual[field]);
        expect(gap, `${field} ${what}: told ${told[field]}, is ${actual[field]}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(actual[field])));
      }
    };
    for (let step = 0; step < 400; step++) {
      const r = random();
      if (r < 0.45) {
        const side = random() < 0.5 ? "BUY" : "SELL";
        const kind = random();
        const sizing =
          kind < 0.6
            ? { quantity: 1 + Math.floor(random() * 20) }
            : kind < 0.85
              ? { quoteAmount: 200 + Math.floor(random() * 1_500) }
              : { equityFraction: 0.1 };
        const away = side === "BUY" ? -1 : 1;
        const type = random();
        const order =
          type < 0.3
            ? { type: "MARKET" as const }
            : type < 0.8
              ? { type: "LIMIT" as const, limitPrice: Math.round(price * (1 + away * random() * 0.02) * 100) / 100 }
              : { type: "STOP" as const, stopPrice: Math.round(price * (1 - away * (0.005 + random() * 0.02)) * 100) / 100 };
        const tif = ["GTC", "DAY", "IOC", "FOK"][Math.floor(random() * 4)] as "GTC" | "DAY" | "IOC" | "FOK";
        await venue.placeOrder({ symbol: "XYZ", side, ...order, ...sizing, timeInForce: tif }).catch(() => undefined);
        await check(`after placement ${step}`);
      } else if (r < 0.6) {
        const open = await venue.getOpenOrders();
        if (open.length > 0) await venue.cancelOrder(open[Math.floor(random() * open.length)]!.clientOrderId);
        await check(`after cancel ${step}`);
      } else if (r < 0.63) {
        await venue.cancelAllOrders();
        await check(`after cancelAll ${step}`);
      } else {
        const open = price;
        price = Math.round(price * (1 + (random() - 0.5) * 0.04) * 100) / 100;
        const high = Math.max(open, price) * (1 + random() * 0.01);
        const low = Math.min(open, price) * (1 - random() * 0.01);
        feed({ open, high, low, close: price, volume: random() < 0.5 ? 40 : 1_000 });
        await check(`after bar ${step}`);
      }
      told = events.filter((e) => e.type === "account").length;
    }
    // The walk did make the account move without fills many times (else the checks above tested little).
    const withoutFill = events.filter((e, i) => e.type === "account" && events[i - 1]?.type !== "position").length;
    expect(withoutFill).toBeGreaterThan(50);
    expect(told).toBeGreaterThan(withoutFill);
    // Each change told once: an account event never follows another with nothing between them.
    expect(events.filter((e, i) => e.type === "account" && events[i - 1]?.type === "account")).toEqual([]);
  });
});

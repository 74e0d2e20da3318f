import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { money, START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

// A restart between placing an equity-sized order and its fill must never size it larger than the session that did not
// stop: the order takes its fraction of the buying power at its fill, so the restored account may hold no less cash
// reserved than the original. Restore judges the working orders from scratch (an order that can reduce a position
// reserves that part as position, not cash); the original once left an order reserving cash for a position that came
// (or was let go by another order) after it was placed, so it held more and sized the order smaller than the restarted
// session (seed 515 of the crash fuzz: 143.516 uninterrupted, 143.816 restarted). Figures by hand: commission-free, lot 1,
// every bar flat, so nothing but the scenario's orders moves buying power.
const MINUTE = 60_000;
const CONFIG: PaperConfigInput = { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } };

interface Run {
  config: PaperConfigInput;
  venue: PaperVenue;
  feed(price: number, volume?: number): void;
  bar(open: number, high: number, low: number, close: number, volume: number): void;
  last(): Bar;
}

async function run(config = CONFIG): Promise<Run> {
  const venue = createPaperVenue(config);
  await venue.connect();
  venue.setTime(START);
  let openTime = START;
  let last: Bar | undefined;
  const r: Run = {
    config,
    venue,
    feed(price, volume = 1e9) {
      r.bar(price, price, price, price, volume);
    },
    bar(open, high, low, close, volume) {
      last = { symbol: "XYZ", interval: "1m", openTime, open, high, low, close, volume };
      venue.processBar(last);
      openTime += MINUTE;
    },
    last: () => last!,
  };
  r.feed(100);
  return r;
}

/** A venue restored from what the journal of `original` holds now (every fill, the working orders, the last bar). */
async function restoredFrom(original: Run): Promise<PaperVenue> {
  const venue = createPaperVenue(original.config);
  await venue.connect();
  venue.restore({ fills: await original.venue.getTrades(), workingOrders: await original.venue.getOpenOrders(), lastBars: [original.last()] });
  return venue;
}

async function quantityOf(venue: PaperVenue, clientOrderId: string): Promise<number | undefined> {
  return (await venue.getOrder(clientOrderId)).quantity;
}

/**
 * Places an equity-sized market order "eq" (`side`, `fraction`) in `a`, restores a venue from `a`'s journal as it stands,
 * and feeds both the next bar at `price`: the order's quantity uninterrupted and restarted, and the restored venue's
 * buying power before that bar.
 */
async function sizedBothWays(a: Run, side: "BUY" | "SELL", fraction: number, price = 100): Promise<{ quantities: Array<number | undefined>; restoredPower: number }> {
  await a.venue.placeOrder({ symbol: "XYZ", side, type: "MARKET", equityFraction: fraction, clientOrderId: "eq" });
  const b = await restoredFrom(a);
  const restoredPower = (await b.getAccount()).buyingPower;
  a.feed(price);
  b.processBar({ ...a.last() });
  return { quantities: [await quantityOf(a.venue, "eq"), await quantityOf(b, "eq")], restoredPower };
}

describe("an equity-sized order is no larger after a restart than without it", () => {
  test("a BUY limit placed flat, then a short of its size opened: it covers it, reserves nothing; equity SELL 0.5 is 45 both ways", async () => {
    const a = await run();
    // Flat: the BUY limit opens a long, 10 × 90 = 900 reserved.
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 10, clientOrderId: "cover" });
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 10, clientOrderId: "short" });
    a.feed(100);
    // Short 10 at 100: cash 11,000, equity 10,000, the short's 1,000 its collateral: 9,000 free. The BUY limit now
    // covers that short (placed now, it would reserve nothing): nothing reserved, buying power 9,000 (it was 8,100).
    const powerA = (await a.venue.getAccount()).buyingPower;
    const { quantities, restoredPower } = await sizedBothWays(a, "SELL", 0.5);
    // 0.5 × 9,000 = 4,500 at 100: 45 (the uninterrupted venue sized it 0.5 × 8,100 = 4,050: 40, the restarted one 45).
    expect(quantities).toEqual([45, 45]);
    money(powerA, 9_000);
    money(restoredPower, 9_000);
  });

  test("a SELL limit beside a take-profit that held the long: the take-profit cancelled, it reduces the long; equity BUY 0.5 is 45", async () => {
    const a = await run();
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "long" });
    a.feed(100);
    // Long 10 at 100: cash 9,000, equity 10,000, the long's 1,000 tied up: 9,000 free. The take-profit reduces the long
    // (nothing reserved); the second SELL finds it reserved and opens a short: 10 × 130 = 1,300 reserved.
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 120, quantity: 10, clientOrderId: "tp" });
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 130, quantity: 10, clientOrderId: "exit" });
    money((await a.venue.getAccount()).buyingPower, 7_700);
    const events: Array<{ type: string; buyingPower?: number }> = [];
    a.venue.on((event) => events.push(event.type === "account" ? { type: "account", buyingPower: event.account.buyingPower } : { type: event.type }));
    await a.venue.cancelOrder("tp");
    // The long is free again: the second SELL reduces it, as placed now (or restored) it would, and the 1,300 it held is
    // released; the account says so after the cancel.
    const powerA = (await a.venue.getAccount()).buyingPower;
    const told = events.slice();
    const { quantities, restoredPower } = await sizedBothWays(a, "BUY", 0.5);
    // 0.5 × 9,000 = 4,500 at 100: 45 (uninterrupted it was 0.5 × 7,700 = 3,850: 38, restarted 45).
    expect(quantities).toEqual([45, 45]);
    money(powerA, 9_000);
    money(restoredPower, 9_000);
    expect(told.map((e) => e.type)).toEqual(["order", "account"]);
    money(told[1]!.buyingPower, 9_000);
  });

  test("a SELL that reduced a long, then opens a short: what stays reserved holds the rest's fees, not the whole order's; equity SELL 0.5 is 40.393", async () => {
    // 0.1% commission (the worse rate reserves), lots of 0.001, a fill takes at most a tenth of its bar's volume.
    const a = await run({ ...CONFIG, commission: { makerRate: 0.001, takerRate: 0.001 }, defaultRules: { stepSize: 0.001 }, maxVolumeShare: 0.1 });
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "long" });
    a.feed(100);
    // Long 10 at 100, fee 1: cash 8,999. The SELL reduces the 10 and opens 20: 20 × 100 + the fee of all 30, 3 = 2,003.
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 100, quantity: 30, clientOrderId: "exit" });
    a.feed(100, 150);
    // 15 filled at 100 (fee 1.5): the 10 of the long, 5 short. Cash 8,999 + 1,500 − 1.5 = 10,497.5. Left: 15 to open, as
    // judged alone 15 × 100 + 1.5 = 1,501.5 (it held 2,003 − 5 × 2,003 / 20 = 1,502.25: the long's fee share kept).
    // The next bar at 99 leaves the limit at 100 unfilled; the equity SELL fills at the open, 99. Free: cash 10,497.5 less
    // the short 5 at 99 twice (its value and its collateral), 990: 9,507.5; less 1,501.5 reserved: 8,006.
    const { quantities } = await sizedBothWays(a, "SELL", 0.5, 99);
    // 0.5 × 8,006 = 4,003 for 99 a unit and 0.1%: 4,003 / 99.099 = 40.3939… → 40.393 (with 1,502.25 reserved:
    // 0.5 × 8,005.25 / 99.099 = 40.3901… → 40.39 uninterrupted, 40.393 restarted).
    expect(quantities).toEqual([40.393, 40.393]);
  });

  test("a take-profit left alone by its own partial fill keeps its reduction when the side is judged again (review)", async () => {
    // Found in review: the take-profit whose stop-loss its partial fill cancelled was skipped as a pair's second leg
    // whenever the sell side was judged again, so a later SELL took its share of the long and reserved no cash for the
    // short it opens. By hand (no commission, at most 10 % of a bar's volume): entry BUY 20 at 100 (cash 8,000); a bar
    // of high 111 and volume 100 sells 10 of the take-profit at 110 (cash 9,100), its stop-loss cancelled; SELL 5 at 200
    // reduces; BUY 5 at 105 (cash 8,575): long 15, of which the take-profit's 10 and the SELL 5 reduce all. SELL 10 at 200
    // then opens a short of 10, reserving 2,000: buying power 6,575, live and restored, and a BUY 80 at 100 (8,000) is
    // refused.
    const a = await run({ ...CONFIG, maxVolumeShare: 0.1 });
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 20, clientOrderId: "e", stopLoss: { triggerPrice: 90 }, takeProfit: { triggerPrice: 110, limitPrice: 110 } });
    a.feed(100);
    a.bar(105, 111, 104, 105, 100);
    expect([(await a.venue.getOrder("e-tp")).filledQuantity, (await a.venue.getOrder("e-sl")).status]).toEqual([10, "CANCELLED"]);
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 200, quantity: 5, clientOrderId: "s5" });
    await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 5, clientOrderId: "b5" });
    a.feed(105);
    await a.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 200, quantity: 10, clientOrderId: "s10" });
    expect((await a.venue.getAccount()).buyingPower).toBe(6_575);
    expect((await (await restoredFrom(a)).getAccount()).buyingPower).toBe(6_575);
    const refused = await a.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 80 }).then(() => "accepted", (error: { code: string }) => error.code);
    expect(refused).toBe("INSUFFICIENT_FUNDS");
  });
});

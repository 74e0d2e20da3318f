import { type OrderRequest, parseConfig } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import { type PaperConfigInput, paperConfigSchema } from "../config/paper-config-schema.ts";
import { cancelOrder } from "./cancel-order.ts";
import { placeOrder } from "./place-order.ts";
import { processBar } from "./process-bar.ts";
import { createVenueState, type VenueState } from "./venue-state.ts";

const HOUR = 3_600_000;
const bracket = { takeProfit: { triggerPrice: 130 }, stopLoss: { triggerPrice: 80 } };
/** A resting buy the bars below never reach (they stay at or above 100). */
const restingEntry = (clientOrderId: string, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  symbol: "XYZ",
  side: "BUY",
  type: "LIMIT",
  quantity: 1,
  limitPrice: 90,
  clientOrderId,
  ...bracket,
  ...extra,
});
/** A plain order that takes `clientOrderId`, far from the market so it never trades. */
const plain = (clientOrderId: string): OrderRequest => ({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 10, clientOrderId });

/** Both leg ids of entry `id` are free: an order using each is accepted. */
async function legIdsAreFree(place: (r: OrderRequest) => Promise<{ clientOrderId: string }>, id: string): Promise<void> {
  expect((await place(plain(`${id}-sl`))).clientOrderId).toBe(`${id}-sl`);
  expect((await place(plain(`${id}-tp`))).clientOrderId).toBe(`${id}-tp`);
}

describe("leg ids of a bracket entry that ends without legs are released", () => {
  test("a cancelled entry: its former leg ids can be used by later orders", async () => {
    const { venue } = await harness();
    await venue.placeOrder(restingEntry("e"));
    await rejectsWith(venue.placeOrder(plain("e-sl")), "DUPLICATE_ORDER");
    await venue.cancelOrder("e");
    await legIdsAreFree((r) => venue.placeOrder(r), "e");
  });

  test("an IOC entry and a DAY entry that expire unfilled", async () => {
    const { venue, feed } = await harness({}, "1h");
    await venue.placeOrder(restingEntry("ioc", { timeInForce: "IOC" }));
    await venue.placeOrder(restingEntry("day", { timeInForce: "DAY" }));
    feed(100);
    expect((await venue.getOrder("ioc")).status).toBe("EXPIRED");
    venue.setTime(Date.UTC(2024, 0, 3));
    expect((await venue.getOrder("day")).status).toBe("EXPIRED");
    for (const id of ["ioc", "day"]) await legIdsAreFree((r) => venue.placeOrder(r), id);
  });

  test("an entry rejected at its fill", async () => {
    // 10 × 100 takes all the cash at the last price; the next bar opens at 120, so the fill no longer fits.
    const { venue, feed } = await harness({ initialCapital: 1_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "rej", ...bracket });
    feed(120);
    expect((await venue.getOrder("rej")).status).toBe("REJECTED");
    await legIdsAreFree((r) => venue.placeOrder(r), "rej");
  });

  test("a partly filled entry cancelled by the user gets no legs and frees their ids", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.5 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "p", ...bracket });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
    expect((await venue.getOrder("p")).filledQuantity).toBe(4);
    await venue.cancelOrder("p");
    await rejectsWith(venue.getOrder("p-sl"), "ORDER_NOT_FOUND");
    await legIdsAreFree((r) => venue.placeOrder(r), "p");
  });

  test("a partly filled DAY entry that expires still gets its legs, which hold their ids", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.5 }, "1h");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 100, timeInForce: "DAY", clientOrderId: "d", ...bracket });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
    venue.setTime(Date.UTC(2024, 0, 3));
    expect((await venue.getOrder("d")).status).toBe("EXPIRED");
    const legs = (await venue.getOpenOrders()).map((o) => [o.clientOrderId, o.quantity, o.parentClientOrderId]);
    expect(legs).toEqual([
      ["d-sl", 4, "d"],
      ["d-tp", 4, "d"],
    ]);
    await rejectsWith(venue.placeOrder(plain("d-sl")), "DUPLICATE_ORDER");
    await rejectsWith(venue.placeOrder(plain("d-tp")), "DUPLICATE_ORDER");
  });

  test("an entry with only a stop-loss frees the take-profit id once its leg exists", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "s", stopLoss: { triggerPrice: 80 } });
    feed(100);
    expect((await venue.getOrder("s-sl")).status).toBe("ACCEPTED");
    await rejectsWith(venue.placeOrder(plain("s-sl")), "DUPLICATE_ORDER");
    expect((await venue.placeOrder(plain("s-tp"))).clientOrderId).toBe("s-tp");
  });
});

describe("the reserved-id set", () => {
  /** A connected venue state with a last price of 100 for XYZ at START. */
  function stateAt100(config: PaperConfigInput): VenueState {
    const state = createVenueState(parseConfig(paperConfigSchema, { commission: { makerRate: 0, takerRate: 0 }, ...config }, { label: "paper config" }));
    state.connection = "CONNECTED";
    state.now = START;
    processBar(state, { symbol: "XYZ", interval: "1h", openTime: START, open: 100, high: 100, low: 100, close: 100, volume: 8 });
    return state;
  }

  test("is empty again once every bracket entry has ended, whichever way", () => {
    const state = stateAt100({ maxVolumeShare: 0.5, initialCapital: 10_000 });
    placeOrder(state, restingEntry("cancelled"));
    placeOrder(state, restingEntry("ioc", { timeInForce: "IOC" }));
    placeOrder(state, restingEntry("day", { timeInForce: "DAY" }));
    placeOrder(state, { symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "partial", ...bracket });
    placeOrder(state, { symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, clientOrderId: "stop-only", stopLoss: { triggerPrice: 80 } });
    // Five entries, two ids each.
    expect(state.reservedIds.size).toBe(10);
    cancelOrder(state, "cancelled");
    // Volume 16 at a 50 % share: "partial" fills 8 of 10, "stop-only" 4 of 4 (each order gets its own share).
    processBar(state, { symbol: "XYZ", interval: "1h", openTime: START + HOUR, open: 100, high: 100, low: 100, close: 100, volume: 16 });
    expect(state.byClientId.get("partial")?.order.filledQuantity).toBe(8);
    cancelOrder(state, "partial");
    processBar(state, { symbol: "XYZ", interval: "1h", openTime: Date.UTC(2024, 0, 3), open: 100, high: 100, low: 100, close: 100, volume: 16 });
    expect(state.byClientId.get("day")?.order.status).toBe("EXPIRED");
    expect([...state.reservedIds]).toEqual([]);
  });
});

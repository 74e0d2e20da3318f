import type { OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";

const limit: OrderRequest = { symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 50, clientOrderId: "rest" };
const NO_FEES = { commission: { makerRate: 0, takerRate: 0 } };

async function refusal(run: () => Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected a refusal");
}

describe("addSymbols: the session's symbols before their first bar", () => {
  test("without it, an order before any bar is refused as an unknown symbol (a typo guard)", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, ...NO_FEES });
    await venue.connect();
    expect((await refusal(() => venue.placeOrder(limit))).code).toBe("UNKNOWN_SYMBOL");
  });

  test("with it, a limit order rests before the first bar and fills on the bar that reaches its price", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, ...NO_FEES });
    await venue.connect();
    venue.addSymbols(["XYZ"]);
    expect((await venue.placeOrder(limit)).status).toBe("ACCEPTED");
    const t = Date.UTC(2024, 0, 2);
    // The clock starts at the first bar's open, as a live session starts it: the order placed before is placed as of then.
    venue.setTime(t);
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: t, open: 52, high: 53, low: 49, close: 51, volume: 1e9 });
    const order = await venue.getOrder("rest");
    // A resting buy limit fills at its price once the low reaches it: 2 × 50 from 10,000 cash.
    expect([order.status, order.filledQuantity, order.averageFillPrice]).toEqual(["FILLED", 2, 50]);
    expect((await venue.getAccount()).balance).toBe(9_900);
  });

  test("a market order before the first bar is still refused, naming the missing price", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, ...NO_FEES });
    await venue.connect();
    venue.addSymbols(["XYZ"]);
    const error = await refusal(() => venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1 }));
    expect(error.code).toBe("INVALID_ORDER");
    expect(error.message).toContain("no price for XYZ yet");
  });

  test("a config `symbols` list still decides: a session symbol outside it stays unknown; another symbol stays refused", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, symbols: ["ABC"], ...NO_FEES });
    await venue.connect();
    venue.addSymbols(["XYZ", "ABC"]);
    expect((await refusal(() => venue.placeOrder(limit))).code).toBe("UNKNOWN_SYMBOL");
    expect((await venue.placeOrder({ ...limit, symbol: "ABC", clientOrderId: "abc" })).status).toBe("ACCEPTED");
    const open = createPaperVenue({ initialCapital: 10_000, ...NO_FEES });
    await open.connect();
    open.addSymbols(["XYZ"]);
    expect((await refusal(() => open.placeOrder({ ...limit, symbol: "XZY" }))).code).toBe("UNKNOWN_SYMBOL");
  });
});

// closeInPieces against a fake venue whose rule is known to the test, so the orders it must send are worked out by hand.
import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { closeInPieces, decimalsOf } from "./close-in-pieces.ts";

/** A place function taking an order when `accepts(quantity)`, else refusing it with `why`; it logs every quantity asked. */
function venue(accepts: (quantity: number) => boolean, why = "refused") {
  const asked: number[] = [];
  const place = (quantity: number): Promise<OrderResult> => {
    asked.push(quantity);
    if (!accepts(quantity)) return Promise.resolve({ status: "rejected", code: "INVALID_ORDER", reason: `${why} ${quantity}`, request: { symbol: "X", side: "SELL", type: "MARKET", quantity } });
    return Promise.resolve({ status: "placed", order: { clientOrderId: `c${asked.length}` } as Order });
  };
  return { asked, place };
}

describe("closeInPieces", () => {
  test("taken whole: one order, nothing refused", async () => {
    const v = venue(() => true);
    expect(await closeInPieces(20, v.place)).toEqual({ ids: ["c1"], refusals: 0 });
    expect(v.asked).toEqual([20]);
  });

  test("at most 10 per order, 25 held, no hint: 25 and 12 refused, 6 taken, then 6, 6, 6 and the rest 1", async () => {
    const v = venue((q) => q <= 10, "above 10:");
    const outcome = await closeInPieces(25, v.place);
    expect(v.asked).toEqual([25, 12, 6, 6, 6, 6, 1]);
    expect(outcome).toEqual({ ids: ["c3", "c4", "c5", "c6", "c7"], refusals: 2, piece: 6, firstRefusal: "above 10: 25" });
  });

  test("a hint is tried before halving: 25 on a lot of 5 at most 10, hint 10: 10, 10, 5", async () => {
    const v = venue((q) => q <= 10 && q % 5 === 0);
    const outcome = await closeInPieces(25, v.place, () => 10);
    expect(v.asked).toEqual([25, 10, 10, 5]);
    expect(outcome.refused).toBeUndefined();
  });

  test("decimals are kept: 0.3 at most 0.1 per order goes as 0.1 × 3 (0.15 floors to 0.1), with no float residue", async () => {
    const v = venue((q) => q <= 0.1 + 1e-12);
    const outcome = await closeInPieces(0.1 + 0.2, v.place);
    // 0.30000000000000004 refused; 0.15 floored to one decimal is 0.1, taken; 0.2 left → 0.1, 0.1.
    expect(v.asked).toEqual([0.1 + 0.2, 0.1, 0.1, 0.1]);
    expect(outcome.refused).toBeUndefined();
  });

  test("a leftover never taken (under a minimum value) is refused at each halving until it floors to 0, then reported whole", async () => {
    const v = venue(() => false, "under the minimum:");
    const outcome = await closeInPieces(0.05, v.place);
    // 0.05, then 0.025 → 0.02, 0.0125 → 0.01, 0.00625 → 0: stop.
    expect(v.asked).toEqual([0.05, 0.02, 0.01]);
    expect(outcome).toEqual({ ids: [], refusals: 3, firstRefusal: "under the minimum: 0.05", refused: { quantity: 0.05, reason: "under the minimum: 0.05" } });
  });

  test("the halving is bounded: 1,000,000 refused at every size tries 10 halvings and stops", async () => {
    const v = venue(() => false);
    const outcome = await closeInPieces(1_000_000, v.place);
    // The whole and 10 halvings: 500,000 … 976 (1,000,000 / 1024 = 976.5625, floored).
    expect(v.asked.length).toBe(11);
    expect(v.asked[10]).toBe(976);
    expect(outcome.refused?.quantity).toBe(1_000_000);
  });

  test("a remainder refused ends the close: 20.05 at most 10 and at least 1 in value: 5.01 × 4 taken, 0.01 reported", async () => {
    const v = venue((q) => q <= 10 && q >= 1);
    const outcome = await closeInPieces(20.05, v.place);
    // 20.05 refused, 10.02 (10.025 floored to 2 decimals) refused, 5.01 taken: 5.01 × 4 = 20.04, 0.01 left and refused.
    expect(v.asked).toEqual([20.05, 10.02, 5.01, 5.01, 5.01, 5.01, 0.01]);
    expect(outcome.refused).toEqual({ quantity: 0.01, reason: "refused 0.01" });
    expect(outcome.refusals).toBe(3);
  });

  test("decimalsOf reads past float noise", () => {
    expect([decimalsOf(20), decimalsOf(0.1 + 0.2), decimalsOf(10.05), decimalsOf(1e-8), decimalsOf(0.00187)]).toEqual([0, 1, 2, 8, 5]);
  });
});

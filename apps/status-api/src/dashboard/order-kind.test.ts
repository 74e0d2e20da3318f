import { describe, expect, test } from "bun:test";
import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";
import { ORDER_KIND_SCRIPT } from "./order-kind.ts";

// The same source text the page runs.
const orderKind = new Function(`${ORDER_KIND_SCRIPT}\nreturn orderKind;`)() as (order: object) => string;

describe("dashboard orderKind", () => {
  test("a bracket's take-profit leg shows as TAKE_PROFIT / TAKE_PROFIT_LIMIT, not the STOP the venue carries it as", () => {
    expect(orderKind({ type: "STOP", reason: "take-profit", parentClientOrderId: "entry-1" })).toBe("TAKE_PROFIT");
    expect(orderKind({ type: "STOP_LIMIT", reason: "take-profit", parentClientOrderId: "entry-1" })).toBe("TAKE_PROFIT_LIMIT");
  });

  test("a stop-loss leg, and a strategy's own order whose reason happens to read take-profit, keep their type", () => {
    expect(orderKind({ type: "STOP", reason: "stop-loss", parentClientOrderId: "entry-1" })).toBe("STOP");
    expect(orderKind({ type: "LIMIT", reason: "take-profit" })).toBe("LIMIT");
    expect(orderKind({ type: "MARKET" })).toBe("MARKET");
  });

  test("the page embeds it and shows open orders and order events through it", () => {
    expect(DASHBOARD_SCRIPT).toContain(ORDER_KIND_SCRIPT);
    expect(DASHBOARD_SCRIPT).toContain("(x) => orderKind(x)");
    expect(DASHBOARD_SCRIPT).toContain('d.side + " " + orderKind(d)');
  });
});

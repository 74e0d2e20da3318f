// A strategy's init may place a resting order before any bar, as it may at a broker: the simulated venue is told the
// session's symbols before init, so the order is taken rather than refused as an unknown symbol.
import { describe, expect, test } from "bun:test";
import { backtest, bars, strategy } from "./backtest.test-helper.ts";

// Day 1's low reaches 95; day 0's low stays above 96.
const input = bars("X", [[100, 101, 99, 100], [100, 101, 95, 96], [96, 97, 94, 95]]);

describe("orders placed in init", () => {
  test("a limit buy placed in init is accepted and fills on the first bar that reaches its price", async () => {
    const answers: string[] = [];
    const s = strategy({
      async init(ctx) {
        const result = await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 96, quantity: 3 });
        answers.push(result.status === "rejected" ? `${result.code}: ${result.reason}` : result.status);
      },
    });
    const r = await backtest(input, s, { engine: { closeAtEnd: false } });
    expect(answers).toEqual(["placed"]);
    // Filled at its limit on day 1 (low 95 ≤ 96): 3 × 96 = 288 out of 10,000.
    expect(r.fills.map((f) => [f.quantity, f.price, f.time])).toEqual([[3, 96, input[1]!.openTime]]);
    expect(r.account.balance).toBe(10_000 - 288);
  });

  test("a market order placed in init is refused, naming the missing price (there is none before the first bar)", async () => {
    const answers: string[] = [];
    const s = strategy({
      async init(ctx) {
        const result = await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1 });
        answers.push(result.status === "rejected" ? `${result.code}: ${result.reason}` : result.status);
      },
    });
    await backtest(input, s);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toStartWith("INVALID_ORDER: no price for X yet");
  });
});

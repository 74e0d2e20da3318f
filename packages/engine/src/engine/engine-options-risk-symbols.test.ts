import { describe, expect, test } from "bun:test";
import { isArgoError, safeParseConfig } from "@argo/core";
import { backtest, bars, onBarAt } from "../backtest/backtest.test-helper.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { engineSettingsSchema } from "./engine-options.ts";

const settings = (symbols: unknown, risk: unknown) => ({ symbols, interval: "1d", risk });
const issues = (input: unknown) => {
  const result = safeParseConfig(engineSettingsSchema, input, { label: "engine config" });
  return result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message]);
};
// The runner's words (apps/runner/src/config/risk-symbol-issues.ts), written out by hand.
const notTraded = (traded: string) => `not one of engine.symbols (${traded}); a limit for it would never apply`;

describe("engine settings: risk.symbols names only traded symbols", () => {
  test("a limit for a symbol the session does not trade is refused at risk.symbols.<key>, each one", () => {
    const found = issues(settings(["BTCUSD", "ETHUSD"], { symbols: { BTCUSDT: { maxPositionQuantity: 1 }, ETHUSD: { maxPositionQuantity: 2 }, "a.b": {} } }));
    expect(found.map(([path]) => path)).toEqual(["risk.symbols.BTCUSDT", "risk.symbols.a.b"]);
    for (const [, message] of found) expect(message).toStartWith(notTraded("BTCUSD, ETHUSD"));
  });

  test("limits for traded symbols pass; a bad symbol list is reported there alone", () => {
    expect(issues(settings(["X"], { symbols: { X: { maxPositionNotional: 5 } } }))).toEqual([]);
    expect(issues(settings([], { symbols: { X: {} } })).map(([path]) => path)).toEqual(["symbols"]);
  });

  test("reported beside other mistakes, not instead of them", () => {
    const found = issues(settings(["X"], { maxOrderValue: -1, symbols: { Y: {} } }));
    expect(found.map(([path]) => path).sort()).toEqual(["risk.maxOrderValue", "risk.symbols.Y"]);
  });

  test("the live engine and a backtest refuse it before any order, naming the path", async () => {
    let placed = 0;
    const risk = { symbols: { Y: { maxPositionQuantity: 1 } } };
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100]),
      strategy: testStrategy({ async onBar(_b, ctx) { placed++; await ctx.placeOrder({ side: "BUY", quantity: 1 }); } }),
      engine: { risk },
    });
    expect(isArgoError(run.error, "INVALID_CONFIGURATION")).toBe(true);
    expect((run.error as Error).message).toContain(`risk.symbols.Y: ${notTraded("X")}`);
    expect(placed).toBe(0);
    const error = await backtest(bars("X", [[100, 100, 100, 100]]), onBarAt(() => {}), { engine: { risk } }).then(() => undefined, (e: unknown) => e);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain("risk.symbols.Y: not one of engine.symbols (X)");
  });
});

// A backtest whose market data history failed ended with the provider's bare message ("argo: history boom"): with
// several symbols and providers the user could not tell which failed. The error now names the provider and the symbol,
// keeping the provider's message, its code (an INVALID_CONFIGURATION stays one: exit 3) and a plain Error's INTERNAL
// (exit 1, as before). The expected texts are the rule written out by hand: "the <provider> market data history of
// <symbol> failed: <message>".
import { describe, expect, test } from "bun:test";
import { ArgoError, type Bar, type MarketDataProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { bar, NO_COSTS, strategy } from "./backtest.test-helper.ts";
import { runBacktest } from "./run-backtest.ts";

/** A provider whose history of `failing` fails as `fail` says; every other symbol has two daily bars. */
function provider(failing: string, fail: "throws" | "first read" | "later read" | "sync read", error: unknown): MarketDataProvider {
  const good = (symbol: string) => [bar(symbol, 0, 1, 1, 1, 1), bar(symbol, 1, 1, 1, 1, 1)];
  return {
    name: "boom-md",
    history(symbol: string): AsyncIterable<Bar> {
      if (symbol !== failing) return (async function* () { yield* good(symbol); })();
      if (fail === "throws") throw error;
      if (fail === "sync read") return (function* () { yield good(symbol)[0]!; throw error; })() as unknown as AsyncIterable<Bar>;
      return (async function* () {
        if (fail === "later read") yield good(symbol)[0]!;
        throw error;
      })();
    },
    async *stream() {},
  };
}

/** The error a backtest of A and B over `marketData` rejects with. */
async function failure(marketData: MarketDataProvider): Promise<ArgoError> {
  const error = await runBacktest({
    symbols: ["A", "B"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger,
    strategy: strategy({ onBar: () => undefined }),
  }).catch((e: unknown) => e);
  return error as ArgoError;
}

describe("a history that fails names the provider and the symbol, keeping the message", () => {
  test.each(["throws", "first read", "later read", "sync read"] as const)("history of B %s: INTERNAL, 'the boom-md market data history of B failed: history boom'", async (fail) => {
    const error = await failure(provider("B", fail, new Error("history boom")));
    expect([error.code, error.message, error.provider]).toEqual(["INTERNAL", "the boom-md market data history of B failed: history boom", "boom-md"]);
    expect(error.details).toMatchObject({ symbol: "B" });
  });

  test("a provider's ArgoError keeps its code and details (a config mistake stays exit 3)", async () => {
    const thrown = new ArgoError("INVALID_CONFIGURATION", "no file for A at 1d", { details: { path: "/x/a.csv" } });
    const error = await failure(provider("A", "first read", thrown));
    expect([error.code, error.message]).toEqual(["INVALID_CONFIGURATION", "the boom-md market data history of A failed: no file for A at 1d"]);
    expect(error.details).toEqual({ path: "/x/a.csv", symbol: "A" });
  });
});

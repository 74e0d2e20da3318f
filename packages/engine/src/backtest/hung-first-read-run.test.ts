// runBacktest with a market data provider whose first history read never settles: once the signal aborts, that read
// gets the run's venueCallTimeoutMs, is reported through onError naming the provider, and the run rejects as aborted
// before its first bar without the strategy's init (needs backtest-engine.ts to hand the plan venueCallTimeoutMs and onError).
import { expect, test } from "bun:test";
import type { ArgoError, MarketDataProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { NO_COSTS, strategy } from "./backtest.test-helper.ts";
import { runBacktest } from "./run-backtest.ts";

test("aborted while the first read hangs: CONTEXT_CANCELLED, init never ran, the give-up reported once naming the provider", async () => {
  const controller = new AbortController();
  const marketData: MarketDataProvider = {
    name: "hung-md",
    // The first read is asked for, the stop comes while it is pending, and it never answers.
    history: () => ({ [Symbol.asyncIterator]: () => ({ next: () => (controller.abort(new Error("SIGINT")), new Promise<never>(() => {})) }) }),
    async *stream() {},
  };
  const errors: ArgoError[] = [];
  const stops: unknown[] = [];
  let inits = 0;
  const running = runBacktest(
    {
      symbols: ["A"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger, venueCallTimeoutMs: 5,
      strategy: strategy({ init: () => void inits++ }),
    },
    { onError: (error) => void errors.push(error), onEngineStop: (error) => void stops.push(error?.code) },
    controller.signal,
  );
  const error = (await running.catch((e: unknown) => e)) as ArgoError;
  expect(error.code).toBe("CONTEXT_CANCELLED");
  expect(inits).toBe(0);
  // The plan's grace is the run's 5 ms.
  expect(errors.map((e) => [e.code, e.provider, e.message])).toEqual([
    ["CONNECTION_LOST", "hung-md", "hung-md did not answer the first history read of A within 5 ms of the stop; stopping without it"],
  ]);
  expect(stops).toEqual(["CONTEXT_CANCELLED"]);
});

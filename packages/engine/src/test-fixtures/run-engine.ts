import type { Bar } from "@argo/core";
import * as v from "valibot";
import type { EngineCallbacks } from "../engine/callbacks.ts";
import type { LiveEngineOptions } from "../engine/engine-options.ts";
import type { EngineRunResult } from "../engine/engine-result.ts";
import { LiveEngine } from "../engine/live-engine.ts";
import { defineStrategy, type StrategyDefinition } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";
import { FakeMarketData, type FakeMarketDataOptions } from "./fake-market-data.ts";
import { FakeVenue, type FakeVenueOptions } from "./fake-venue.ts";
import { type CallbackCall, recordCallbacks } from "./record-callbacks.ts";

type Parts = Partial<Omit<StrategyDefinition<v.GenericSchema<unknown, unknown>>, "name" | "description" | "config">>;

/** A strategy with an empty config from just the callbacks a test needs. */
export function testStrategy(parts: Parts, name = "test-strategy") {
  return defineStrategy({ name, description: "test", config: v.object({}), onBar() {}, ...parts });
}

/** Everything a test run produced: the result (or the error), every callback call, and the fakes. */
export interface TestRun {
  result?: EngineRunResult;
  error?: unknown;
  venue: FakeVenue;
  data: FakeMarketData;
  calls: CallbackCall[];
  named(name: string): unknown[][];
}

/** Runs the live engine over fixed bars with a fake venue, recording every callback. */
export async function runEngine(options: {
  bars: Bar[];
  strategy: LiveEngineOptions["strategy"];
  symbols?: string[];
  venue?: FakeVenueOptions | FakeVenue;
  data?: FakeMarketDataOptions;
  engine?: Partial<LiveEngineOptions>;
  callbacks?: EngineCallbacks;
  signal?: AbortSignal;
}): Promise<TestRun> {
  const venue = options.venue instanceof FakeVenue ? options.venue : new FakeVenue(options.venue);
  const data = new FakeMarketData(options.bars, options.data);
  const { callbacks, calls, named } = recordCallbacks(options.callbacks);
  const engine = new LiveEngine({
    symbols: options.symbols ?? [...new Set(options.bars.map((b) => b.symbol))],
    interval: "1m",
    marketData: data,
    trading: venue,
    strategy: options.strategy,
    logger: silentLogger,
    ...options.engine,
  });
  const run: TestRun = { venue, data, calls, named };
  try {
    run.result = await engine.run(options.signal, callbacks);
  } catch (error) {
    run.error = error;
  }
  return run;
}

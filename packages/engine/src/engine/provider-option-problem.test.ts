// A `marketData` / `trading` option that is neither { provider, config } nor a provider instance is refused with
// INVALID_CONFIGURATION naming the option, by the backtest and the live engine alike (both resolve their providers
// through resolve-providers), instead of a TypeError deep inside (`marketData.history is not a function`).
import { describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { BacktestEngine } from "../backtest/backtest-engine.ts";
import { bars, NO_COSTS, strategy } from "../backtest/backtest.test-helper.ts";
import { InMemoryMarketData } from "../backtest/in-memory-market-data.ts";
import { silentLogger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { LiveEngineOptions } from "./engine-options.ts";

type Option = "marketData" | "trading";
type Entry = (option: Option, value: unknown) => Promise<{ error: ArgoError; stopped: unknown[]; connected: boolean }>;

const dailyRows = bars("XYZ", [[100, 100, 100, 100], [101, 101, 101, 101]]);

/** Runs a backtest with one option replaced by `value`; the other is a working one. */
const backtest: Entry = async (option, value) => {
  const venue = createPaperVenue(NO_COSTS);
  const stopped: unknown[] = [];
  const engine = new BacktestEngine({
    symbols: ["XYZ"], interval: "1d", marketData: new InMemoryMarketData(dailyRows), trading: venue, strategy: strategy({}), logger: silentLogger,
    [option]: value,
  } as never);
  try {
    await engine.run(undefined, { onEngineStop: (error) => void stopped.push(error) });
  } catch (error) {
    if (!isArgoError(error)) throw error;
    return { error, stopped, connected: venue.connectionState() === "CONNECTED" };
  }
  throw new Error("the backtest ran");
};

/** Runs the live engine with one option replaced by `value`; the other is a working fake. */
const live: Entry = async (option, value) => {
  const venue = new FakeVenue();
  const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), venue, strategy: testStrategy({}), engine: { [option]: value } as Partial<LiveEngineOptions> });
  if (!isArgoError(run.error)) throw new Error(`the live engine gave ${String(run.error)}`);
  return { error: run.error, stopped: run.named("onEngineStop").map(([error]) => error), connected: venue.connectionState() === "CONNECTED" };
};

// A provider the caller forgot to await: the Promise of a working one (createReplayProvider(…) without await).
const pending = (option: Option) => Promise.resolve(option === "marketData" ? new InMemoryMarketData(dailyRows) : new FakeVenue());

// Each value with what the message must say after "<option>: ", written from the rule: a Promise is told to be awaited;
// anything else that is no spec is told the two shapes that are taken.
const SHAPES = 'expected { provider: "<name>", config } or a provider instance';
const cases: [name: string, option: Option, value: () => unknown, says: string[]][] = [
  ["an unawaited provider", "marketData", () => pending("marketData"), ["is a Promise: await it"]],
  ["an unawaited provider", "trading", () => pending("trading"), ["is a Promise: await it"]],
  ['the name "replay" alone', "marketData", () => "replay", [SHAPES, "history()", 'got the string "replay" (for a registered provider, { provider: "replay" })']],
  ['the name "paper" alone', "trading", () => "paper", [SHAPES, "connectionState()", 'got the string "paper"']],
  ['{ type: "paper" }', "trading", () => ({ type: "paper" }), [SHAPES, "placeOrder()", "its keys: type"]],
  ["an instance without history()", "marketData", () => ({ name: "half", stream: () => [] }), [SHAPES, "got an object without history()"]],
];

describe.each([["backtest", backtest], ["live engine", live]] as const)("%s", (_entry, run) => {
  test.each(cases)("%s as %s is INVALID_CONFIGURATION naming the option, before the venue is connected", async (_name, option, value, says) => {
    const { error, stopped, connected } = await run(option, value());
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message.startsWith(`${option}: `)).toBe(true);
    for (const words of says) expect(error.message).toContain(words);
    expect(stopped).toEqual([error]);
    expect(connected).toBe(false);
  });
});

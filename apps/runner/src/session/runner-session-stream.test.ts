import "@argo/provider-paper";
import { ArgoError, createProvider } from "@argo/core";
import { defineStrategy, LiveEngine, silentLogger } from "@argo/engine";
import { LatencyHistogram } from "@argo/status-api";
import { makeBar } from "@argo/status-api/testing";
import { expect, test } from "bun:test";
import * as v from "valibot";
import { SteppedFeed } from "../__fixtures__/stepped-feed.ts";
import { RunnerSession } from "./runner-session.ts";
import { watchStreamEnd } from "./watch-stream-end.ts";

const idle = defineStrategy({ name: "idle", description: "places nothing", config: v.object({}), onBar() {} });
const OPTIONS = { mode: "paper" as const, symbols: ["BTCUSD"], interval: "1m", marketDataName: "stepped", tradingName: "paper", config: {}, venueCallTimeoutMs: 30_000 };

/**
 * A session over a stepped feed and the paper venue, running: `next()` gives a promise the engine's next start, bar or
 * error callback resolves (each step waits for the engine to have passed the item on to the session).
 */
async function runningSession(wrap: (engine: LiveEngine) => void = () => {}) {
  const feed = new SteppedFeed();
  const trading = await createProvider("trading", "paper", {});
  const engine = new LiveEngine({ symbols: ["BTCUSD"], interval: "1m", marketData: feed, trading, strategy: idle, logger: silentLogger });
  wrap(engine);
  const runner = new RunnerSession(OPTIONS, trading, engine, new LatencyHistogram());
  let passed: (() => void) | undefined;
  const next = () => new Promise<void>((resolve) => (passed = resolve));
  const connected = () => runner.info().providers.marketData.connected;
  const started = next();
  const callbacks = runner.callbacks({ onEngineStart: () => passed?.(), onMarketData: () => passed?.(), onError: () => passed?.() });
  const run = engine.run(undefined, callbacks);
  await started;
  return { feed, engine, runner, next, connected, callbacks, run };
}

test("market data is reported disconnected after a stream error until the next bar arrives", async () => {
  const { feed, engine, runner, next, connected, callbacks, run } = await runningSession();
  expect(connected()).toBe(true);

  let step = next();
  feed.send({ type: "bar", bar: makeBar({ openTime: 60_000 }) });
  await step;
  expect(connected()).toBe(true);

  step = next();
  feed.send({ type: "error", error: new ArgoError("STREAM_DISCONNECTED", "feed socket closed") });
  await step;
  expect(connected()).toBe(false);
  expect(engine.status().counters.streamErrors).toBe(1);

  // An error that is not the stream's (the engine did not count it as one) says nothing about the feed.
  callbacks.onError!(new ArgoError("INTERNAL", "a callback failed"));
  expect(connected()).toBe(false);

  step = next();
  feed.send({ type: "bar", bar: makeBar({ openTime: 120_000 }) });
  await step;
  expect(connected()).toBe(true);
  callbacks.onError!(new ArgoError("INTERNAL", "a callback failed"));
  expect(connected()).toBe(true);

  feed.end();
  const result = await run;
  expect(result.counters).toMatchObject({ bars: 2, streamErrors: 1 });
  expect(connected()).toBe(false);
  expect(runner.metrics().counters).toMatchObject({ barsProcessed: 2, streamReconnects: 1, errors: 3 });
});

test("an error is judged by the engine's stream-error counter, without a status() snapshot of positions and orders", async () => {
  let snapshots = 0;
  const { feed, engine, next, connected, callbacks, run } = await runningSession((engine) => {
    const status = engine.status.bind(engine);
    engine.status = () => {
      snapshots++;
      return status();
    };
  });
  expect(engine.streamErrors).toBe(0);

  let step = next();
  feed.send({ type: "error", error: new ArgoError("STREAM_DISCONNECTED", "feed socket closed") });
  await step;
  expect(engine.streamErrors).toBe(1);
  expect(connected()).toBe(false);
  step = next();
  feed.send({ type: "bar", bar: makeBar({ openTime: 60_000 }) });
  await step;
  expect(connected()).toBe(true);
  callbacks.onError!(new ArgoError("INTERNAL", "a callback failed"));
  expect(connected()).toBe(true);
  expect(snapshots).toBe(0);

  feed.end();
  await run;
});

test("market data is reported disconnected from the stream's end, while the engine is still settling before onEngineStop", async () => {
  const feed = new SteppedFeed();
  const trading = await createProvider("trading", "paper", {});
  // The strategy's onStop holds the engine between the stream's end and onEngineStop until the test lets it go.
  let stopping: (() => void) | undefined;
  const inStop = new Promise<void>((resolve) => (stopping = resolve));
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const settling = defineStrategy({
    name: "settling", description: "holds its onStop", config: v.object({}), onBar() {},
    async onStop() {
      stopping?.();
      await released;
    },
  });
  const marketData = watchStreamEnd(feed, () => runner.streamEnded());
  const engine = new LiveEngine({ symbols: ["BTCUSD"], interval: "1m", marketData, trading, strategy: settling, logger: silentLogger });
  const runner = new RunnerSession(OPTIONS, trading, engine, new LatencyHistogram());
  let stopped = false;
  let started: (() => void) | undefined;
  const onStart = new Promise<void>((resolve) => (started = resolve));
  let barSeen: (() => void) | undefined;
  const onBar = new Promise<void>((resolve) => (barSeen = resolve));
  const run = engine.run(undefined, runner.callbacks({ onEngineStart: () => started?.(), onMarketData: () => barSeen?.(), onEngineStop: () => void (stopped = true) }));
  await onStart;
  feed.send({ type: "bar", bar: makeBar({ openTime: 60_000 }) });
  await onBar;
  expect(runner.info().providers.marketData.connected).toBe(true);

  feed.end();
  await inStop;
  expect(stopped).toBe(false);
  expect(runner.info().providers.marketData.connected).toBe(false);
  release!();
  await run;
  expect(stopped).toBe(true);
  expect(runner.info().providers.marketData.connected).toBe(false);
});

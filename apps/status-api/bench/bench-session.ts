// The session the benchmark loads. It is the only session-specific part: to measure a real engine
// session, return one from createBenchSession (its start() begins feeding bars, stop() ends it).
// Bars per second are read from session.metrics().counters.barsProcessed, so any StatusSession works.
import type { StatusSession } from "../src/index.ts";
import { DemoMarket, defaultSessionInfo, MemoryStatusSession } from "../src/testing/index.ts";

/** A session plus control over its bar feed. */
export interface BenchSession {
  session: StatusSession;
  /** Starts processing bars as fast as the session can, yielding to the event loop between slices. */
  start(): void;
  /** Stops the feed and resolves once it has stopped. */
  stop(): Promise<void>;
}

const SYMBOLS = Array.from({ length: 16 }, (_, i) => `SYM${i}USD`);

/** An in-memory session over 16 symbols whose positions, account and counters follow a demo market. */
export function createBenchSession(): BenchSession {
  const session = new MemoryStatusSession({ info: { ...defaultSessionInfo(Date.now()), symbols: SYMBOLS } });
  const market = new DemoMarket(session, { tradeEvery: 4 });
  // Open a position in every symbol so /positions returns a realistic 16 rows.
  for (let i = 0; i < SYMBOLS.length * 8; i++) market.nextBar();
  let running = false;
  let loop: Promise<void> = Promise.resolve();
  return {
    session,
    start() {
      running = true;
      loop = (async () => {
        while (running) {
          // Slices of ~1 ms, like an engine draining a burst from its market data stream.
          const until = performance.now() + 1;
          while (performance.now() < until) market.nextBar();
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      })();
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

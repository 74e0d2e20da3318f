import "@argo/provider-paper";
import "@argo/provider-replay";
import { createProvider, type Trade, type TradingProvider } from "@argo/core";
import type { EngineCallbacks } from "../engine/callbacks.ts";
import type { LiveEngineOptions } from "../engine/engine-options.ts";
import type { EngineRunResult } from "../engine/engine-result.ts";
import { LiveEngine } from "../engine/live-engine.ts";
import { silentLogger } from "../strategy/logger.ts";
import { recordCallbacks } from "./record-callbacks.ts";

/** A connected-on-demand `paper` venue from the registry (10,000 USD, 0.1% commission unless told otherwise). */
export function paperVenue(config: Record<string, unknown> = {}): Promise<TradingProvider> {
  return createProvider("trading", "paper", { initialCapital: 10_000, ...config });
}

/** Runs the live engine on `simulated` bars with a paper venue; records callbacks by name. */
export async function runSimulated(options: {
  simulated: Record<string, unknown>;
  symbols?: string[];
  venue: TradingProvider;
  strategy: LiveEngineOptions["strategy"];
  engine?: Partial<LiveEngineOptions>;
  callbacks?: EngineCallbacks;
  signal?: AbortSignal;
}): Promise<{ result?: EngineRunResult; error?: unknown; named(name: string): unknown[][] }> {
  const { callbacks, named } = recordCallbacks(options.callbacks);
  const engine = new LiveEngine({
    symbols: options.symbols ?? ["BTCUSDT"],
    interval: "1m",
    marketData: { provider: "simulated", config: options.simulated },
    trading: options.venue,
    strategy: options.strategy,
    logger: silentLogger,
    ...options.engine,
  });
  try {
    return { result: await engine.run(options.signal, callbacks), named };
  } catch (error) {
    return { error, named };
  }
}

/** Closed long round trips (entry, exit) from a venue's trades, for a strategy that is flat between trades. */
export function longRoundTrips(trades: readonly Trade[]): Array<{ entry: number; exit: number; quantity: number }> {
  const out: Array<{ entry: number; exit: number; quantity: number }> = [];
  let held = 0;
  let cost = 0;
  let exitValue = 0;
  let exitQuantity = 0;
  for (const t of trades) {
    if (t.side === "BUY") {
      held += t.quantity;
      cost += t.quantity * t.price;
    } else {
      exitValue += t.quantity * t.price;
      exitQuantity += t.quantity;
      if (exitQuantity >= held - 1e-9) {
        out.push({ entry: cost / held, exit: exitValue / exitQuantity, quantity: held });
        held = cost = exitValue = exitQuantity = 0;
      }
    }
  }
  return out;
}

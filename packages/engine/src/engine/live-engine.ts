import type { MarketDataProvider } from "@argo/core";
import type { BarPipeline } from "./bar-pipeline.ts";
import type { EngineCallbacks } from "./callbacks.ts";
import type { LiveEngineOptions } from "./engine-options.ts";
import type { EngineRunResult, EngineStatus } from "./engine-result.ts";
import { EngineSession, type LoadedStrategy } from "./engine-session.ts";

/**
 * The live engine: streams bars from a market data provider through the pipeline to the strategy
 * and a trading provider. Paper and live differ only in the trading provider.
 */
export class LiveEngine {
  private readonly session: EngineSession;

  constructor(readonly options: LiveEngineOptions) {
    this.session = new EngineSession(options);
  }

  /** Loads the strategy and validates its config before the run; gives the config's JSON Schema. */
  load(): Promise<LoadedStrategy> {
    return this.session.load();
  }

  /**
   * Runs until the stream ends or `signal` aborts. Resolves with the result (status "aborted" and the
   * signal's reason when aborted); rejects with the fatal ArgoError after onEngineStop otherwise.
   */
  run(signal?: AbortSignal, callbacks: EngineCallbacks = {}): Promise<EngineRunResult> {
    return this.session.execute(signal, callbacks, (pipeline, marketData, abort) => this.stream(pipeline, marketData, abort));
  }

  /** A snapshot for status displays. */
  status(): EngineStatus {
    return this.session.status();
  }

  /** The newest `limit` cached bars of a symbol, oldest first. */
  recentBars(symbol: string, limit: number) {
    return this.session.recentBars(symbol, limit);
  }

  private async stream(pipeline: BarPipeline, marketData: MarketDataProvider, signal: AbortSignal | undefined): Promise<void> {
    const { symbols, interval } = this.options;
    const items = marketData.stream(symbols, interval, signal ? { signal } : undefined);
    for await (const item of items) {
      if (item.type === "bar") {
        const pending = pipeline.processBar(item.bar);
        if (pending !== undefined) await pending;
      } else {
        pipeline.streamError(item.error);
      }
      if (signal?.aborted) break;
    }
  }
}

import type { MarketDataProvider, TradingProvider } from "@argo/core";
import type { LiveEngineOptions } from "@argo/engine";
import type { Logger as Pino } from "pino";
import type { Io } from "../cli/io.ts";
import type { ValidSession } from "../config/validate-config.ts";
import { createLogger } from "../logging/create-logger.ts";
import { strategyLogger } from "../logging/engine-log-callbacks.ts";
import { ioDestination } from "../logging/io-destination.ts";

/** The engine options `run` and `backtest` share: what to trade, with which providers, strategy and limits. */
export function sessionEngineOptions(session: ValidSession, marketData: MarketDataProvider, trading: TradingProvider, log: Pino) {
  const engine = session.config.engine!;
  return {
    symbols: engine.symbols,
    interval: engine.interval!,
    cacheSize: engine.market_data_cache_size!,
    venueCallTimeoutMs: engine.venue_call_timeout_ms!,
    marketData,
    trading,
    strategy: session.strategy,
    strategyConfig: session.strategyConfig,
    baseDir: session.baseDir,
    risk: session.risk,
    logger: strategyLogger(log),
    // Every secret of the config: a venue may echo one in an order's rejection reason, which the journal stores.
    secrets: session.secrets,
  } satisfies Partial<LiveEngineOptions>;
}

/** The session's logger: the config's level and format, every known secret value scrubbed, lines to the Io. */
export function sessionLogger(session: ValidSession, io: Io): Pino {
  const { level, format } = session.config.log!;
  return createLogger({ level: level!, format: format!, secrets: session.secrets, interactive: io.interactive, destination: ioDestination(io) });
}

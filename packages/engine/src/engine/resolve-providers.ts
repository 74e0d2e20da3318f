import {
  ArgoError, createProvider, getProviderInfo, isArgoError, isSimulatedVenue, type MarketDataProvider, type TradingProvider,
} from "@argo/core";
import type { EngineMode } from "../strategy/strategy-context.ts";
import type { ProviderSpec } from "./engine-options.ts";
import { isAbortOf } from "./is-abort-of.ts";
import { assertProviderOption, isProviderSpec } from "./provider-option-problem.ts";

/** A provider the engine uses, and whether the engine made it (then it also closes it). */
export interface Resolved<P> {
  provider: P;
  owned: boolean;
}

/**
 * The market data provider: created through the registry by name, or the instance given. Anything else (a Promise, a
 * name alone, an object of neither shape) is INVALID_CONFIGURATION naming `marketData`.
 */
export async function resolveMarketData(spec: ProviderSpec<MarketDataProvider>): Promise<Resolved<MarketDataProvider>> {
  assertProviderOption("marketData", spec);
  if (!isProviderSpec(spec)) return { provider: spec, owned: false };
  return { provider: await createProvider("market-data", spec.provider, spec.config ?? {}), owned: true };
}

/** The trading provider: created through the registry by name, or the instance given; anything else as for marketData. */
export async function resolveTrading(spec: ProviderSpec<TradingProvider>): Promise<Resolved<TradingProvider>> {
  assertProviderOption("trading", spec);
  if (!isProviderSpec(spec)) return { provider: spec, owned: false };
  return { provider: await createProvider("trading", spec.provider, spec.config ?? {}), owned: true };
}

/** The mode a run is in: as configured, else "paper" for paper venues (registry flag or a simulator), else "live". */
export function resolveMode(configured: EngineMode | undefined, trading: TradingProvider): EngineMode {
  if (configured !== undefined) return configured;
  try {
    return getProviderInfo(trading.name).isPaperTrading ? "paper" : "live";
  } catch {
    return isSimulatedVenue(trading) ? "paper" : "live";
  }
}

/**
 * Connects a trading provider unless it already is, through `bound` (the start-up deadline and abort); failures become
 * PROVIDER_CONNECTION_FAILED naming the provider. `signal`'s abort passes through as it is: a stop is not a failure.
 */
export async function connectTrading(
  trading: TradingProvider,
  bound: (connect: () => Promise<void>) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  if (trading.connectionState() === "CONNECTED") return;
  try {
    await bound(() => trading.connect());
  } catch (error) {
    if (isArgoError(error, "PROVIDER_CONNECTION_FAILED") || isAbortOf(signal, error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ArgoError("PROVIDER_CONNECTION_FAILED", `cannot connect trading provider "${trading.name}": ${message}`, {
      provider: trading.name,
      cause: error,
    });
  }
}

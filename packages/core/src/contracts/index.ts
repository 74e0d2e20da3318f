export type { ConnectionState } from "./connection-state.ts";
export type { TradingEvent, TradingEventListener } from "./trading-event.ts";
export type { TradingProvider, PlaceResult } from "./trading-provider.ts";
export type { SymbolIncrements } from "./symbol-increments.ts";
export type { SimulatedVenue } from "./simulated-venue.ts";
export { isSimulatedVenue } from "./simulated-venue.ts";
export type { VenueRecord } from "./venue-record.ts";
export type { MarketDataProvider, StreamItem, StreamOptions } from "./market-data-provider.ts";
export type { Support, AssetClass, Feature, Capabilities } from "./capabilities.ts";
export type {
  ConfigSchema,
  ProviderKind,
  ProviderSession,
  ProviderInstances,
  ProviderDefinition,
  ProviderInfo,
} from "./provider-definition.ts";
export { defineProvider } from "./provider-definition.ts";

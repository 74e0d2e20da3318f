import { collectSecretValues, getProviderDefinition, type ProviderKind, secretLocations } from "@argo/core";
import type { AnyStrategy } from "@argo/engine";
import { runnerConfigSchema } from "./config-schema.ts";
import { asRecord } from "./as-record.ts";
import { sessionProviders } from "./session-providers.ts";

type Raw = Record<string, unknown>;

function providerSecrets(kind: ProviderKind, name: string, config: unknown): string[] {
  try {
    return collectSecretValues(config, secretLocations(getProviderDefinition(name, kind).configSchema, config));
  } catch {
    return []; // an unknown provider is reported elsewhere; its fields cannot be known to be secret
  }
}

/**
 * Every secret value a raw config holds (status token, both providers' secret fields, the strategy's), so text about
 * any part of the config can be scrubbed of all of them: a key pasted into the wrong section is still a key.
 */
export function configSecretValues(raw: Raw, strategy?: AnyStrategy): string[] {
  const named = sessionProviders(raw);
  return [
    ...collectSecretValues(raw, secretLocations(runnerConfigSchema, raw)),
    ...providerSecrets("trading", named.trading, asRecord(raw.trading).config),
    ...providerSecrets("market-data", named.marketData, asRecord(raw.market_data).config),
    ...(strategy ? collectSecretValues(asRecord(raw.strategy).config, secretLocations(strategy.config, asRecord(raw.strategy).config)) : []),
  ];
}

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

/** The parts of a session config that passed their checks, as their schemas parsed them (a part left out is skipped). */
export interface ParsedConfigParts {
  runner?: unknown;
  trading?: { name: string; config: unknown };
  marketData?: { name: string; config: unknown };
  strategy?: AnyStrategy;
  strategyConfig?: unknown;
}

/**
 * Every secret value the parsed configs hold, each read at its own schema's secret locations. A schema may change a
 * secret as it parses it (`v.pipe(secret(), v.trim())`, a prefix cut off): the provider then holds, and may echo, that
 * value rather than the one written, so both must be scrubbed.
 */
export function parsedSecretValues(parts: ParsedConfigParts): string[] {
  const { runner, trading, marketData, strategy, strategyConfig } = parts;
  return [
    ...(runner !== undefined ? collectSecretValues(runner, secretLocations(runnerConfigSchema, runner)) : []),
    ...(trading ? providerSecrets("trading", trading.name, trading.config) : []),
    ...(marketData ? providerSecrets("market-data", marketData.name, marketData.config) : []),
    ...(strategy && strategyConfig !== undefined ? collectSecretValues(strategyConfig, secretLocations(strategy.config, strategyConfig)) : []),
  ];
}

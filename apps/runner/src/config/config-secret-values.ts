import { collectSecretValues, getProviderDefinition, type ProviderKind, secretLocations } from "@argo/core";
import type { AnyStrategy } from "@argo/engine";
import { runnerConfigSchema } from "./config-schema.ts";
import { asRecord } from "./as-record.ts";
import { configSchemaLookup, type SchemaLookup } from "./config-schema-at.ts";
import { walkMappingLists } from "./list-section-issues.ts";
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
 * any part of the config can be scrubbed of all of them: a key pasted into the wrong section is still a key. A list
 * written where a mapping belongs (`market_data.config: [- apiKey: …]`) is refused, but its items are read as that
 * mapping too: a secret in one is still a secret.
 */
export function configSecretValues(raw: Raw, strategy?: AnyStrategy): string[] {
  const named = sessionProviders(raw);
  const views = mappingViews(raw, configSchemaLookup(named, strategy?.config));
  return views.flatMap((view) => [
    ...collectSecretValues(view, secretLocations(runnerConfigSchema, view)),
    ...providerSecrets("trading", named.trading, asRecord(view.trading).config),
    ...providerSecrets("market-data", named.marketData, asRecord(view.market_data).config),
    ...(strategy ? collectSecretValues(asRecord(view.strategy).config, secretLocations(strategy.config, asRecord(view.strategy).config)) : []),
  ]);
}

/** The config, then for each item of each list written where a mapping belongs, the config with that item there. */
function mappingViews(raw: Raw, schemaAt: SchemaLookup): Raw[] {
  const views = [raw];
  const visit = (base: Raw, value: unknown, keys: readonly string[]) =>
    walkMappingLists(value, schemaAt, keys, (at, list) => {
      for (const item of list) {
        const view = withValueAt(base, at, item);
        views.push(view);
        // A list inside the item, where a mapping belongs too.
        visit(view, item, at);
      }
    });
  visit(raw, raw, []);
  return views;
}

/** A copy of the config along the keys (the rest shared) with the value at their end. */
function withValueAt(raw: Raw, keys: readonly string[], value: unknown): Raw {
  const [key, ...rest] = keys;
  if (key === undefined) return raw;
  return { ...raw, [key]: rest.length === 0 ? value : withValueAt(asRecord(raw[key]), rest, value) };
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

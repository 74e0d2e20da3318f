import type * as v from "valibot";
import type { ProviderInstances, ProviderKind } from "../contracts/provider-definition.ts";
import { type ConfigResult, safeParseConfig } from "../config/parse-config.ts";
import { redact } from "../config/redact.ts";
import { secretLocations } from "../config/secret-paths.ts";
import { type JsonSchema, toConfigJsonSchema } from "../config/to-config-json-schema.ts";
import { getProviderDefinition } from "./lookup.ts";

/** JSON Schema of a provider's config, as a user writes it; secret fields are marked writeOnly. */
export function providerConfigJsonSchema(name: string): JsonSchema {
  const definition = getProviderDefinition(name);
  return toConfigJsonSchema(definition.configSchema, `${definition.displayName} (${definition.name}) config`);
}

/** Validates a provider config without throwing; the error names every bad field, never a secret value. */
export function validateProviderConfig(name: string, input: unknown, pathPrefix?: string): ConfigResult<unknown> {
  const definition = getProviderDefinition(name);
  return safeParseConfig(definition.configSchema, input, {
    label: `${definition.name} config`,
    provider: definition.name,
    ...(pathPrefix ? { pathPrefix } : {}),
  });
}

/** Validates a provider config and returns the typed value, or throws INVALID_CONFIGURATION. */
export function parseProviderConfig<T = unknown>(name: string, input: unknown, pathPrefix?: string): T {
  const result = validateProviderConfig(name, input, pathPrefix);
  if (!result.ok) throw result.error;
  return result.value as T;
}

/** A copy of a provider config safe to show: secret fields replaced by "[REDACTED]". */
export function redactProviderConfig(name: string, config: unknown): unknown {
  return redact(config, secretLocations(getProviderDefinition(name).configSchema, config));
}

/** Validates the config and creates the provider; `kind` makes sure a trading name was not given for data, or the reverse. */
export async function createProvider<K extends ProviderKind>(kind: K, name: string, config: unknown): Promise<ProviderInstances[K]> {
  getProviderDefinition(name, kind);
  return createProviderFromParsed(kind, name, parseProviderConfig(name, config));
}

/**
 * Creates the provider from a config that {@link validateProviderConfig} or {@link parseProviderConfig} already gave
 * back. It is not validated again: a schema's transforms (seconds to milliseconds, say) must run exactly once, and a
 * parsed value fed through them a second time would be converted twice or refused. `kind` is checked as in {@link createProvider}.
 */
export async function createProviderFromParsed<K extends ProviderKind>(kind: K, name: string, parsed: unknown): Promise<ProviderInstances[K]> {
  const definition = getProviderDefinition(name, kind);
  return (await definition.create(parsed as v.InferOutput<typeof definition.configSchema>)) as ProviderInstances[K];
}

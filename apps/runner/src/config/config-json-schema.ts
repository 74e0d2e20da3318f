import { type JsonSchema, type ProviderKind, listProviders, providerConfigJsonSchema, toConfigJsonSchema } from "@argo/core";
import { runnerConfigSchema } from "./config-schema.ts";

/**
 * JSON Schema of the whole config file, for editors: the file's sections, and for `trading` and `market_data` the
 * config schema of whichever registered provider the section names (if/then per provider).
 */
export function configJsonSchema(riskSchema?: JsonSchema): JsonSchema {
  const schema = toConfigJsonSchema(runnerConfigSchema, "Argo configuration") as JsonSchema & { properties: Record<string, JsonSchema> };
  schema.properties.trading = withProviderConfigs(schema.properties.trading!, "trading");
  schema.properties.market_data = withProviderConfigs(schema.properties.market_data!, "market-data");
  if (riskSchema) schema.properties.risk = riskSchema;
  return schema;
}

function withProviderConfigs(section: JsonSchema, kind: ProviderKind): JsonSchema {
  const providers = listProviders(kind);
  const names = providers.map((p) => p.name);
  const properties = { ...(section.properties as Record<string, JsonSchema>) };
  properties.provider = { ...properties.provider, ...(names.length ? { enum: names } : {}) };
  return {
    ...section,
    properties,
    allOf: providers.map((p) => {
      const { $schema: _ignored, ...config } = providerConfigJsonSchema(p.name);
      return { if: { properties: { provider: { const: p.name } } }, then: { properties: { config } } };
    }),
  };
}

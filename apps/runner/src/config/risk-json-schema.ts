import { type JsonSchema, toConfigJsonSchema } from "@argo/core";
import { riskConfigSchema } from "@argo/engine";

/** JSON Schema of the `risk` section (the engine's risk limits). */
export function riskJsonSchema(): JsonSchema {
  const { $schema: _ignored, ...schema } = toConfigJsonSchema(riskConfigSchema, "Risk limits");
  return schema;
}

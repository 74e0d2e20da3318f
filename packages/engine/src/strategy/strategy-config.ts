import { type ConfigResult, type JsonSchema, type ParseConfigOptions, parseConfig, safeParseConfig, toConfigJsonSchema } from "@argo/core";
import type { AnyStrategy } from "./define-strategy.ts";

/** Validates a strategy config without throwing; the error names every bad field (prefixed by `pathPrefix`, e.g. "strategy.config"). */
export function validateStrategyConfig(strategy: AnyStrategy, input: unknown, pathPrefix?: string): ConfigResult<unknown> {
  return safeParseConfig(strategy.config, input ?? {}, parseOptions(strategy, pathPrefix));
}

/** Validates a strategy config and returns the typed value, or throws INVALID_CONFIGURATION naming every bad field. */
export function parseStrategyConfig(strategy: AnyStrategy, input: unknown, pathPrefix?: string): unknown {
  return parseConfig(strategy.config, input ?? {}, parseOptions(strategy, pathPrefix));
}

function parseOptions(strategy: AnyStrategy, pathPrefix: string | undefined): ParseConfigOptions {
  return { label: `strategy "${strategy.name}" config`, ...(pathPrefix ? { pathPrefix } : {}) };
}

/** JSON Schema of a strategy's config as a user writes it (input mode). */
export function strategyConfigJsonSchema(strategy: AnyStrategy): JsonSchema {
  const schema = toConfigJsonSchema(strategy.config, `${strategy.name} config`);
  return strategy.description ? { description: strategy.description, ...schema } : schema;
}

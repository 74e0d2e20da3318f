import {
  ArgoError, type ConfigIssue, type ConfigResult, type JsonSchema, type ParseConfigOptions, parseConfig, safeParseConfig, toConfigJsonSchema,
} from "@argo/core";
import type { AnyStrategy } from "./define-strategy.ts";

/** Validates a strategy config without throwing; the error names every bad field (prefixed by `pathPrefix`, e.g. "strategy.config"). */
export function validateStrategyConfig(strategy: AnyStrategy, input: unknown, pathPrefix?: string): ConfigResult<unknown> {
  const options = parseOptions(strategy, pathPrefix);
  return notAnObject(input, options) ?? safeParseConfig(strategy.config, input ?? {}, options);
}

/** Validates a strategy config and returns the typed value, or throws INVALID_CONFIGURATION naming every bad field. */
export function parseStrategyConfig(strategy: AnyStrategy, input: unknown, pathPrefix?: string): unknown {
  const options = parseOptions(strategy, pathPrefix);
  const refused = notAnObject(input, options);
  if (refused !== undefined) throw refused.error;
  return parseConfig(strategy.config, input ?? {}, options);
}

/**
 * A config that is not a plain object (nothing given means no settings), refused before the schema sees it: valibot's
 * object schemas take an array as an object, so `[]` would run with every default.
 */
function notAnObject(input: unknown, options: ParseConfigOptions): Extract<ConfigResult<unknown>, { ok: false }> | undefined {
  if (input === undefined || input === null || isPlainObject(input)) return undefined;
  const path = options.pathPrefix ?? "config";
  const received = Array.isArray(input) ? "an array" : typeof input === "object" ? "an object that is not a plain one" : `a ${typeof input}`;
  const issue: ConfigIssue = { path, message: `must be an object of settings, received ${received}`, expected: "Object", received };
  const error = new ArgoError("INVALID_CONFIGURATION", `invalid ${options.label}: 1 problem\n  - ${path}: ${issue.message}`, { details: { issues: [issue] } });
  return { ok: false, error, issues: [issue] };
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
}

function parseOptions(strategy: AnyStrategy, pathPrefix: string | undefined): ParseConfigOptions {
  return { label: `strategy "${strategy.name}" config`, ...(pathPrefix ? { pathPrefix } : {}) };
}

/** JSON Schema of a strategy's config as a user writes it (input mode). */
export function strategyConfigJsonSchema(strategy: AnyStrategy): JsonSchema {
  const schema = toConfigJsonSchema(strategy.config, `${strategy.name} config`);
  return strategy.description ? { description: strategy.description, ...schema } : schema;
}

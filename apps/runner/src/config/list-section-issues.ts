import { type ConfigIssue, schemaAtPath } from "@argo/core";
import { configSchemaLookup, type SchemaLookup, type SchemaNode, unwrap } from "./config-schema-at.ts";
import { runnerConfigSchema } from "./config-schema.ts";

/** What is said of a list written where a mapping belongs. */
export const LIST_FOR_MAPPING = "expected a mapping (key: value entries), received a list";

// Valibot's object checks take any JS object, a list too: a list's items become keys "0", "1", … (reported as unknown
// keys by a strict object, ignored by any other, a record's values read as its entries).
const MAPPING_TYPES = new Set(["object", "strict_object", "loose_object", "object_with_rest", "record"]);

/** True when the schema takes only a mapping: an object or a record, or a choice between such. */
function takesMapping(node: SchemaNode | undefined): boolean {
  const bare = unwrap(node);
  if (bare?.type === undefined) return false;
  if (bare.type === "union" || bare.type === "variant") return (bare.options ?? []).length > 0 && (bare.options ?? []).every((o) => takesMapping(o as SchemaNode));
  return MAPPING_TYPES.has(bare.type);
}

/**
 * True when a mapping belongs at these keys: by the schema of that place (a provider's, the strategy's, the risk
 * limits'), or by the runner's own, which declares `trading.config`, `market_data.config`, `strategy.config` and
 * `risk` mappings whatever provider or strategy is named (one that could not be loaded included).
 */
function wantsMapping(keys: readonly string[], schemaAt: SchemaLookup): boolean {
  return takesMapping(schemaAt(keys)) || takesMapping(schemaAtPath(runnerConfigSchema, keys) as SchemaNode | undefined);
}

/**
 * Every value the config writes as a list where a mapping belongs (`trading: [paper]`, `market_data.config: [- bars:
 * 200]`, `risk.symbols: [- BTCUSD: …]`), reported whole at its path. Without this a list read as a mapping gives
 * `unknown key trading.config.0`, or passes (`log: []`, a provider config whose schema is not strict) and is ignored:
 * the defaults run instead of what was written. `schemaAt` reads the providers' and strategy's parts (default: the
 * runner's schema alone).
 */
export function listSectionIssues(raw: Record<string, unknown>, schemaAt: SchemaLookup = configSchemaLookup({})): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  walkMappingLists(raw, schemaAt, [], (keys) => issues.push({ path: keys.join("."), message: LIST_FOR_MAPPING }));
  return issues;
}

/** Calls `found` with the keys of each list written where a mapping belongs; a list found is not walked into. */
export function walkMappingLists(value: unknown, schemaAt: SchemaLookup, keys: readonly string[], found: (keys: readonly string[], list: unknown[]) => void): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value) && keys.length > 0 && wantsMapping(keys, schemaAt)) {
    found(keys, value);
    return;
  }
  for (const [key, item] of Object.entries(value)) walkMappingLists(item, schemaAt, [...keys, key], found);
}

/**
 * True when an issue is about one of these places (problems reported whole at their path) or a part of it, and is
 * not one of them: what a check made of the value left there would only repeat them or mislead.
 */
export function isInsideSection(issue: ConfigIssue, sections: readonly ConfigIssue[]): boolean {
  if (sections.includes(issue)) return false;
  return sections.some((section) => issue.path === section.path || issue.path.startsWith(`${section.path}.`));
}

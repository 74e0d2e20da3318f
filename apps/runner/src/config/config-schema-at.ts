import { getProviderDefinition, type ProviderKind, schemaAtPath } from "@argo/core";
import { riskConfigSchema } from "@argo/engine";
import { runnerConfigSchema } from "./config-schema.ts";

/** The parts of a valibot schema this module reads (a piped schema carries its root's fields). */
export interface SchemaNode {
  type?: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  value?: SchemaNode;
  options?: readonly unknown[];
  literal?: unknown;
}

/** The schema a config declares at a path of keys, or undefined where none is known (a strategy's config, say). */
export type SchemaLookup = (keys: readonly string[]) => SchemaNode | undefined;

/** Which providers the session names, so their config schemas can be found in the registry. */
export interface NamedProviders {
  trading?: string;
  marketData?: string;
}

/**
 * The lookup of the whole config file: the runner's schema, with `risk` read by the risk limits' schema,
 * `trading.config` / `market_data.config` by the named provider's config schema (registered providers only) and
 * `strategy.config` by the strategy's own config schema when it is given (the strategy loaded).
 */
export function configSchemaLookup(providers: NamedProviders, strategyConfig?: unknown): SchemaLookup {
  const provider = (kind: ProviderKind, name: string | undefined): SchemaNode | undefined => {
    if (name === undefined) return undefined;
    try {
      return getProviderDefinition(name, kind).configSchema as SchemaNode;
    } catch {
      return undefined; // not registered: validation reports the name
    }
  };
  // Sections read by another schema than the runner's: the walk starts there with the keys after the section's.
  const sections: [section: readonly string[], root: () => SchemaNode | undefined][] = [
    [["risk"], () => riskConfigSchema as SchemaNode],
    [["trading", "config"], () => provider("trading", providers.trading)],
    [["market_data", "config"], () => provider("market-data", providers.marketData)],
    [["strategy", "config"], () => strategyConfig as SchemaNode | undefined],
  ];
  return (keys) => {
    const section = sections.find(([prefix]) => prefix.every((key, i) => keys[i] === key));
    const root = section ? section[1]() : (runnerConfigSchema as SchemaNode);
    const node = schemaAtPath(root, keys.slice(section?.[0].length ?? 0)) as SchemaNode | undefined;
    // "unknown" says nothing about the value: it is no schema to go by.
    const bare = unwrap(node);
    return bare?.type === "unknown" || bare?.type === "any" ? undefined : node;
  };
}

/** The schema without its optional / nullable wrappers. */
export function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let out = node;
  while (out?.wrapped) out = out.wrapped;
  return out;
}

/** The keys an object schema declares, or any of a union's object options declares (none for anything else). */
export function declaredKeys(node: SchemaNode | undefined): string[] {
  const bare = unwrap(node);
  if (bare?.entries) return Object.keys(bare.entries);
  // A choice of shapes ({ equityFraction } or { quantity }): a key is spelt as whichever option declares it.
  if (bare?.type === "union" || bare?.type === "variant") return [...new Set((bare.options ?? []).flatMap((option) => declaredKeys(option as SchemaNode)))];
  return [];
}

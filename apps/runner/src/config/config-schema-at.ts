import { getProviderDefinition, type ProviderKind } from "@argo/core";
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
 * The lookup of the whole config file: the runner's schema, with `risk` read by the risk limits' schema and
 * `trading.config` / `market_data.config` by the named provider's config schema (registered providers only).
 */
export function configSchemaLookup(providers: NamedProviders): SchemaLookup {
  const provider = (kind: ProviderKind, name: string | undefined): SchemaNode | undefined => {
    if (name === undefined) return undefined;
    try {
      return getProviderDefinition(name, kind).configSchema as SchemaNode;
    } catch {
      return undefined; // not registered: validation reports the name
    }
  };
  const sections: Record<string, () => SchemaNode | undefined> = {
    risk: () => riskConfigSchema as SchemaNode,
    "trading.config": () => provider("trading", providers.trading),
    "market_data.config": () => provider("market-data", providers.marketData),
  };
  return (keys) => {
    let node: SchemaNode | undefined = runnerConfigSchema as SchemaNode;
    for (const [depth, key] of keys.entries()) {
      node = childSchema(node, key);
      const section = sections[keys.slice(0, depth + 1).join(".")];
      if (section) node = section();
      if (!node) return undefined;
    }
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

/** The keys an object schema declares (none for anything else). */
export function declaredKeys(node: SchemaNode | undefined): string[] {
  return Object.keys(unwrap(node)?.entries ?? {});
}

function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const bare = unwrap(node);
  if (bare?.entries) return bare.entries[key];
  if (bare?.type === "array") return bare.item;
  if (bare?.type === "record") return bare.value;
  return undefined;
}

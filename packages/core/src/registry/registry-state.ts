import pkg from "../../package.json" with { type: "json" };
import type { ProviderDefinition } from "../contracts/provider-definition.ts";

/** The shared state of the registry: providers by name. */
export interface RegistryState {
  providers: Map<string, ProviderDefinition>;
}

const major = pkg.version.split(".")[0];

/**
 * Keyed by major version on globalThis, so two installed copies of the same major share one
 * registry (a plugin importing its own copy of core still registers where the runner looks),
 * while an incompatible major keeps its own.
 */
export const REGISTRY_KEY: unique symbol = Symbol.for(`@argo/core/registry@${major}`) as never;

/** The process-wide registry state, created on first use. */
export function registryState(): RegistryState {
  const holder = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  let state = holder[REGISTRY_KEY];
  if (!state) {
    state = { providers: new Map() };
    holder[REGISTRY_KEY] = state;
  }
  return state;
}

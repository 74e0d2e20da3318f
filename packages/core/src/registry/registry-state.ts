import pkg from "../../package.json" with { type: "json" };
import type { ProviderDefinition } from "../contracts/provider-definition.ts";

/** The shared state of the registry: providers by name. */
export interface RegistryState {
  providers: Map<string, ProviderDefinition>;
}

/**
 * The versions of @argo/core whose providers can be used by one another: those of one major, as the architecture
 * fixes it (docs: the registry key includes the core's major version). Below 1.0 semver would make each minor a line of
 * its own; while core is 0.x its contracts change only additively, so 0.x copies share one registry (a plugin built
 * for 0.1 keeps working under 0.2) — a breaking contract change must come with 1.0.
 */
export function compatibleLine(version: string): string {
  return version.split(".")[0] ?? "0";
}

/** This copy's version of @argo/core. */
export const CORE_VERSION: string = pkg.version;

/** This copy's line of compatible versions (its major, "0" or "1"); see {@link compatibleLine}. */
export const CORE_LINE: string = compatibleLine(pkg.version);

/**
 * Keyed by major version on globalThis, so two installed copies of the same major share one registry (a plugin
 * importing its own copy of core still registers where the runner looks), while an incompatible major keeps its own.
 */
export const REGISTRY_KEY: unique symbol = Symbol.for(`@argo/core/registry@${CORE_LINE}`) as never;

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

import { ArgoError } from "../errors/argo-error.ts";
import type { ConfigSchema, ProviderDefinition, ProviderKind } from "../contracts/provider-definition.ts";
import { registryState } from "./registry-state.ts";

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Adds a provider to the registry. Registering the same package's provider again (a second import,
 * a second copy) is harmless; a different package claiming a taken name is PROVIDER_CONFLICT.
 */
export function registerProvider<K extends ProviderKind, S extends ConfigSchema>(definition: ProviderDefinition<K, S>): void {
  if (!NAME.test(definition.name)) {
    throw new ArgoError("INVALID_CONFIGURATION", `provider name "${definition.name}" must be kebab-case (e.g. "my-broker")`, {
      details: { name: definition.name, packageName: definition.packageName },
    });
  }
  const providers = registryState().providers;
  const existing = providers.get(definition.name);
  if (existing) {
    if (existing.packageName === definition.packageName) return;
    throw new ArgoError(
      "PROVIDER_CONFLICT",
      `provider "${definition.name}" is registered by both "${existing.packageName}" and "${definition.packageName}"; uninstall one of them`,
      { provider: definition.name, details: { packages: [existing.packageName, definition.packageName] } },
    );
  }
  providers.set(definition.name, definition as unknown as ProviderDefinition);
}

/** Removes a provider; for tests and hot reload. */
export function unregisterProvider(name: string): boolean {
  return registryState().providers.delete(name);
}

import { ArgoError } from "../errors/argo-error.ts";
import type { ConfigSchema, ProviderDefinition, ProviderKind } from "../contracts/provider-definition.ts";
import { checkDefinition } from "./check-definition.ts";
import { forgetRegistration, recordRegistration } from "./registration-ledger.ts";
import { registryState } from "./registry-state.ts";

/**
 * Adds a provider to the registry after checking its shape (INVALID_CONFIGURATION naming each bad field and the
 * package). Registering the same package's provider of the same kind again (a second import, a second copy of the
 * plugin) is harmless; any other claim on a taken name, even the same package's as another kind, is PROVIDER_CONFLICT.
 */
export function registerProvider<K extends ProviderKind, S extends ConfigSchema>(definition: ProviderDefinition<K, S>): void {
  checkDefinition(definition);
  const providers = registryState().providers;
  const existing = providers.get(definition.name);
  if (existing) {
    if (existing.packageName === definition.packageName && existing.kind === definition.kind) return;
    const first = `"${existing.packageName}" (${existing.kind})`;
    const second = `"${definition.packageName}" (${definition.kind})`;
    const fix = existing.packageName === definition.packageName ? "give each kind its own name" : "uninstall one of them";
    throw new ArgoError("PROVIDER_CONFLICT", `provider "${definition.name}" is registered by both ${first} and ${second}; ${fix}`, {
      provider: definition.name,
      details: {
        packages: [existing.packageName, definition.packageName],
        kinds: [existing.kind, definition.kind],
      },
    });
  }
  providers.set(definition.name, definition as unknown as ProviderDefinition);
  recordRegistration(definition as unknown as ProviderDefinition);
}

/** Removes a provider; for tests and hot reload. */
export function unregisterProvider(name: string): boolean {
  forgetRegistration(name);
  return registryState().providers.delete(name);
}

import { ArgoError, isArgoError, listProviders } from "@argo/core";
import { FIRST_PARTY_PROVIDERS } from "./first-party.ts";
import { importPackage } from "./import-package.ts";

/** What each plugin registered as it was imported, by the name it was listed under. */
export type PluginRegistrations = ReadonlyMap<string, readonly string[]>;

/**
 * Imports the listed plugin packages, then the first-party package of each named provider not yet registered.
 * Importing is what registers providers; afterwards the registry answers by name. Resolves with what each plugin
 * registered (see {@link silentPluginsNote}).
 */
export async function loadProviders(plugins: readonly string[], providerNames: readonly string[], cwd?: string | readonly string[]): Promise<PluginRegistrations> {
  const registered = new Map<string, readonly string[]>();
  for (const plugin of plugins) registered.set(plugin, await importPackage(plugin, cwd));
  await loadFirstParty(providerNames, cwd);
  return registered;
}

/**
 * The words naming the plugins that registered no provider as they were imported ("" when none did), to add to the
 * registry's "unknown provider" error: a plugin that exports its provider without calling registerProvider (or a
 * package whose entry is not the module that does) is the likely cause, and the listed names alone would not say so.
 */
export function silentPluginsNote(registrations: PluginRegistrations | undefined): string {
  const silent = [...(registrations ?? new Map<string, readonly string[]>())].filter(([, names]) => names.length === 0).map(([plugin]) => JSON.stringify(plugin));
  if (silent.length === 0) return "";
  const which = silent.length === 1 ? `plugin package ${silent[0]}` : `plugin packages ${silent.join(", ")}`;
  return `; ${which} registered no provider as ${silent.length === 1 ? "it was" : "they were"} imported (a plugin must call registerProvider when imported)`;
}

async function loadFirstParty(providerNames: readonly string[], cwd?: string | readonly string[]): Promise<void> {
  const registered = new Set(listProviders().map((p) => p.name));
  for (const name of providerNames) {
    if (registered.has(name)) continue;
    const pkg = FIRST_PARTY_PROVIDERS[name];
    if (!pkg) continue; // the registry's PROVIDER_NOT_FOUND, listing what exists, says the rest
    try {
      await importPackage(pkg, cwd);
    } catch (error) {
      // Only a package that is not there is "not installed"; one that failed as it loaded says why itself.
      if (!isArgoError(error) || error.details?.installed !== false) throw error;
      throw new ArgoError("PROVIDER_NOT_FOUND", `provider "${name}" comes from ${pkg}, which is not installed (install it with: bun add ${pkg})`, {
        provider: name,
        cause: error,
      });
    }
  }
}

/** Imports every installed first-party provider package (for `argo providers`); absent ones are skipped. */
export async function loadInstalledFirstParty(cwd?: string | readonly string[]): Promise<void> {
  for (const pkg of new Set(Object.values(FIRST_PARTY_PROVIDERS))) {
    await importPackage(pkg, cwd).catch(() => undefined);
  }
}

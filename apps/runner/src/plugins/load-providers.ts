import { ArgoError, isArgoError, listProviders } from "@argo/core";
import { FIRST_PARTY_PROVIDERS } from "./first-party.ts";
import { importPackage } from "./import-package.ts";

/**
 * Imports the listed plugin packages, then the first-party package of each named provider not yet registered.
 * Importing is what registers providers; afterwards the registry answers by name.
 */
export async function loadProviders(plugins: readonly string[], providerNames: readonly string[], cwd?: string | readonly string[]): Promise<void> {
  for (const plugin of plugins) await importPackage(plugin, cwd);
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

import { loadProviders, type PluginRegistrations } from "../plugins/load-providers.ts";
import type { SessionProviders } from "./session-providers.ts";

/** What loading a session's plugins and provider packages came to: the names it was for, and the error if one failed. */
export interface ProviderLoad {
  names: SessionProviders;
  /** Reported by validation at its path; before that the providers only lack a schema to read the config by. */
  error?: unknown;
  /** What each plugin registered as it was imported (absent when one failed): a provider not found names the silent ones. */
  registered?: PluginRegistrations;
}

/** Imports the session's plugins and the packages of both named providers (registering them); never throws. */
export async function loadSessionProviders(names: SessionProviders, searchDirs: readonly string[]): Promise<ProviderLoad> {
  try {
    const registered = await loadProviders(names.plugins, [names.trading, names.marketData], searchDirs);
    return registered.size > 0 ? { names, registered } : { names };
  } catch (error) {
    return { names, error };
  }
}

/** True when a load was for exactly these names (so its outcome stands for them). */
export function loadedFor(load: ProviderLoad, names: SessionProviders): boolean {
  const { trading, marketData, plugins } = load.names;
  return trading === names.trading && marketData === names.marketData && plugins.length === names.plugins.length && plugins.every((p, i) => p === names.plugins[i]);
}

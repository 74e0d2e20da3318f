import { asRecord } from "./as-record.ts";

/** The providers a session uses when its config names none; the config schema's defaults are these. */
export const DEFAULT_PROVIDERS = { trading: "paper", marketData: "simulated" } as const;

/** What a raw config asks to be loaded: both providers' names and the plugin packages. */
export interface SessionProviders {
  trading: string;
  marketData: string;
  plugins: string[];
}

/** The provider names a raw (unvalidated) config names, the defaults where it names none, and its plugin entries. */
export function sessionProviders(raw: Record<string, unknown>): SessionProviders {
  return {
    trading: String(asRecord(raw.trading).provider ?? DEFAULT_PROVIDERS.trading),
    marketData: String(asRecord(raw.market_data).provider ?? DEFAULT_PROVIDERS.marketData),
    // Entries that are not text, or empty (an unset ${VAR}), are reported by validation at their path; they name nothing to load.
    plugins: Array.isArray(raw.plugins) ? raw.plugins.filter((p): p is string => typeof p === "string" && p !== "") : [],
  };
}

/** Folders plugins resolve from: the config file's folder first (a relative path, a package installed beside it), then the working directory. */
export function pluginSearchDirs(baseDir: string, cwd?: string): string[] {
  return cwd && cwd !== baseDir ? [baseDir, cwd] : [baseDir];
}

import { type SessionProviders, sessionProviders } from "./session-providers.ts";

type Raw = Record<string, unknown>;

const SECTIONS = [["trading", "trading"], ["market_data", "marketData"]] as const;

const isMapping = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The file's config without the `config` of each provider section whose provider (the file's, its default included)
 * is not the one the session uses: a provider flag or an `ARGO__…__PROVIDER` variable named another, so it was the
 * other provider's and would only produce confusing errors. Done before the ARGO__ variables apply, so the keys they
 * set for the provider the session uses are kept. Returns a new object; a section that is no mapping is left as written.
 */
export function dropOtherProviderConfigs(file: Raw, used: Pick<SessionProviders, "trading" | "marketData">): Raw {
  const named = sessionProviders(file);
  const out = { ...file };
  for (const [section, kind] of SECTIONS) {
    const written = out[section];
    if (named[kind] === used[kind] || !isMapping(written) || !Object.hasOwn(written, "config")) continue;
    const { config: _otherProviders, ...rest } = written;
    out[section] = rest;
  }
  return out;
}

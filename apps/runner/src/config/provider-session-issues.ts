import { type ConfigIssue, getProviderDefinition, type ProviderKind, type ProviderSession, toArgoError } from "@argo/core";

/**
 * A provider's own check that its validated config fits the session's symbols and interval (ProviderDefinition's
 * checkSession: a replay file for every symbol), as issues under the provider's config section. A check that throws is
 * itself an issue: a plugin's bug must not pass a config as valid.
 */
export function providerSessionIssues(kind: ProviderKind, name: string, config: unknown, session: ProviderSession): ConfigIssue[] {
  const section = `${kind === "trading" ? "trading" : "market_data"}.config`;
  try {
    const found = getProviderDefinition(name, kind).checkSession?.(config, session) ?? [];
    return found.map((issue) => ({ ...issue, path: issue.path ? `${section}.${issue.path}` : section }));
  } catch (error) {
    return [{ path: section, message: `provider "${name}" could not check this session: ${toArgoError(error).message}` }];
  }
}

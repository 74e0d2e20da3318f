import { ArgoError, getProviderDefinition, matchesSecretPath, type SecretPath, secretLocations } from "@argo/core";
import type { Io } from "../cli/io.ts";

/**
 * The name a user types to confirm live trading: the account id in the provider config, else the provider name. An
 * account field the trading provider's schema marks secret() is never used: this name is printed (in the prompt and the
 * refusal saying what to set) and keys the journal, so a secret account id falls back to the provider name.
 */
export function liveAccountName(provider: string, config: unknown): string {
  const c = (config ?? {}) as Record<string, unknown>;
  const secret = secretFields(provider, c);
  for (const key of ["accountId", "account", "account_id"]) {
    if (typeof c[key] === "string" && c[key] && !matchesSecretPath([key], secret)) return c[key] as string;
  }
  return provider;
}

/** Where the provider's schema puts secrets in this config; none known for a provider not registered (nothing to read). */
function secretFields(provider: string, config: Record<string, unknown>): SecretPath[] {
  let schema: unknown;
  try {
    schema = getProviderDefinition(provider, "trading").configSchema;
  } catch {
    return [];
  }
  return secretLocations(schema, config);
}

/**
 * Paper is the default. A real-money provider needs `--live` and then the account name typed at the terminal, or
 * ARGO_CONFIRM_LIVE=<account> when nothing is interactive. Throws an ArgoError saying which step is missing.
 */
export async function confirmLive(provider: string, account: string, liveFlag: boolean, io: Io): Promise<void> {
  if (!liveFlag) {
    throw new ArgoError("INVALID_CONFIGURATION", `trading provider "${provider}" trades real money: pass --live to allow it (paper providers need nothing)`, { provider });
  }
  const confirmed = io.env.ARGO_CONFIRM_LIVE;
  if (confirmed !== undefined) {
    if (confirmed === account) return;
    throw new ArgoError("INVALID_CONFIGURATION", `ARGO_CONFIRM_LIVE does not match the live account of "${provider}"; set it to the account name to confirm`, { provider });
  }
  if (!io.interactive) {
    throw new ArgoError("INVALID_CONFIGURATION", `live trading on "${provider}" needs confirmation: run at a terminal, or set ARGO_CONFIRM_LIVE=${account}`, { provider });
  }
  const typed = (await io.prompt(`LIVE TRADING with real money on ${provider}. Type the account name (${account}) to continue: `))?.trim();
  if (typed !== account) throw new ArgoError("INVALID_CONFIGURATION", "live trading not confirmed (the typed name did not match)", { provider });
}

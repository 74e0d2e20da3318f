import { ArgoError, secretScrubber, toArgoError, withJsonSpellings } from "@argo/core";

/**
 * The error as an ArgoError with its code and provider kept and every secret of the session taken out of its message
 * and details, as the logger takes them out of log lines. Its cause (the original, unscrubbed) is left behind: main
 * prints what escapes a command as it is, and a provider's SDK may well echo the key it was given.
 */
export function scrubbedError(error: unknown, secrets: readonly string[]): ArgoError {
  const argo = toArgoError(error);
  const scrub = secretScrubber(withJsonSpellings(secrets));
  const details = argo.details === undefined ? undefined : scrubDetails(argo.details, scrub);
  return new ArgoError(argo.code, scrub(argo.message), {
    ...(argo.provider !== undefined ? { provider: argo.provider } : {}),
    ...(details !== undefined ? { details } : {}),
    ...(argo.retryAfterMs !== undefined ? { retryAfterMs: argo.retryAfterMs } : {}),
  });
}

/** Details through their JSON text, so a secret is found in any field; details JSON cannot hold are dropped. */
function scrubDetails(details: Record<string, unknown>, scrub: (text: string) => string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(scrub(JSON.stringify(details))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

import type { RouteFailure } from "@argo/status-api";
import type { Logger as Pino } from "pino";

/**
 * The status API's `onError`: a route's server-side failure (an opaque 500, or a provider's error answered 500/502)
 * becomes an error line with its code and provider when it has them. The failure arrives scrubbed and without a stack;
 * the logger scrubs the session's secrets once more.
 */
export function logRouteFailure(log: Pino): (failure: RouteFailure) => void {
  return (failure) =>
    log.error(
      { method: failure.method, path: failure.path, error: failure.name, ...(failure.code ? { code: failure.code } : {}), ...(failure.provider ? { provider: failure.provider } : {}) },
      `status API: ${failure.message}`,
    );
}

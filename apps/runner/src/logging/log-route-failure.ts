import type { RouteFailure } from "@argo/status-api";
import type { Logger as Pino } from "pino";

/**
 * The status API's `onError`: an unexpected route exception (an opaque 500 for the client) becomes an error line.
 * The failure arrives scrubbed and without a stack; the logger scrubs the session's secrets once more.
 */
export function logRouteFailure(log: Pino): (failure: RouteFailure) => void {
  return (failure) => log.error({ method: failure.method, path: failure.path, error: failure.name }, `status API: ${failure.message}`);
}

import { isArgoError, scrubSecrets } from "@argo/core";
import type { Context } from "hono";

/**
 * A server-side failure of a route, as handed to the `onError` option: an unexpected exception (an opaque 500 for the
 * client) or an Argo error answered 500/502, with every secret scrubbed. It carries no stack and no cause, because
 * either may hold what must not leak.
 */
export interface RouteFailure {
  /** HTTP method of the request, e.g. "GET". */
  method: string;
  /** Path of the request, without its query (which may hold `?token=`), scrubbed. */
  path: string;
  /** The error's class name ("TypeError"), or the type of what was thrown when it was not an Error. */
  name: string;
  /** The error's message, scrubbed of the token and every configured secret. */
  message: string;
  /** The Argo error code, when it was an ArgoError (e.g. "INVALID_DATA" from a venue reply); absent otherwise. */
  code?: string;
  /** The provider the Argo error names, when it names one. */
  provider?: string;
}

/** Receives the server-side failures of routes (e.g. to log them). */
export type RouteFailureHook = (failure: RouteFailure) => void;

/** Describes a route's failure without its stack, scrubbed of `secrets`. */
export function describeRouteFailure(error: unknown, c: Context, secrets: readonly string[]): RouteFailure {
  const isError = error instanceof Error;
  const failure: RouteFailure = {
    method: c.req.method,
    path: scrubSecrets(new URL(c.req.url).pathname, secrets),
    name: scrubSecrets(isError ? error.name : typeof error, secrets),
    message: scrubSecrets(isError ? error.message : String(error), secrets),
  };
  if (isArgoError(error)) {
    failure.code = error.code;
    if (error.provider !== undefined) failure.provider = scrubSecrets(error.provider, secrets);
  }
  return failure;
}

/** Calls the hook; a hook that throws must not turn the opaque 500 into something else, so its failure is dropped. */
export function reportRouteFailure(hook: RouteFailureHook | undefined, failure: RouteFailure): void {
  if (hook === undefined) return;
  try {
    hook(failure);
  } catch {
    // Nothing safe to do with it: the hook was the place to report to.
  }
}

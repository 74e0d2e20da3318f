import { isArgoError, scrubSecrets } from "@argo/core";
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorBody } from "./error-body.ts";
import { errorStatus, isServerFailure } from "./error-status.ts";
import { describeRouteFailure, reportRouteFailure, type RouteFailureHook } from "./route-failure.ts";
import { safeJson } from "./safe-json.ts";

/**
 * Turns anything a route threw into `{ error: { code, message } }`. Argo errors keep their code and
 * message (scrubbed of the secrets); anything else is an opaque 500, because an unknown error's
 * message or stack may carry what must not leak. Every server-side failure (an opaque 500, or an Argo
 * error answered 500/502, such as a venue reply the provider could not read) goes to `onError`,
 * scrubbed, so the operator learns of it; a bad request is the client's to fix and is not reported.
 */
export function handleError(error: unknown, c: Context, secrets: readonly string[], onError?: RouteFailureHook): Response {
  if (isArgoError(error)) {
    const status = errorStatus(error);
    if (isServerFailure(status)) reportRouteFailure(onError, describeRouteFailure(error, c, secrets));
    return safeJson(c, errorBody(error.code, scrubSecrets(error.message, secrets)), secrets, status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return safeJson(c, errorBody(error.status === 404 ? "NOT_FOUND" : "INVALID_DATA", "bad request"), secrets, error.status);
  }
  reportRouteFailure(onError, describeRouteFailure(error, c, secrets));
  return safeJson(c, errorBody("INTERNAL", "internal error"), secrets, 500);
}

/**
 * Hono hands only Error instances to `onError`; anything else a route throws would reach Bun's default handler,
 * whose development error page echoes it verbatim. Registered first, this gives it the same opaque 500.
 */
export function catchNonErrors(secrets: readonly string[], onError?: RouteFailureHook): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next();
    } catch (error) {
      return handleError(error, c, secrets, onError);
    }
  };
}

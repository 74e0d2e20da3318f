import { isArgoError, scrubSecrets } from "@argo/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorBody } from "./error-body.ts";
import { errorStatus } from "./error-status.ts";
import { safeJson } from "./safe-json.ts";

/**
 * Turns anything a route threw into `{ error: { code, message } }`. Argo errors keep their code and
 * message (scrubbed of the secrets); anything else is an opaque 500, because an unknown error's
 * message or stack may carry what must not leak.
 */
export function handleError(error: unknown, c: Context, secrets: readonly string[]): Response {
  if (isArgoError(error)) {
    return safeJson(c, errorBody(error.code, scrubSecrets(error.message, secrets)), secrets, errorStatus(error.code));
  }
  if (error instanceof HTTPException && error.status < 500) {
    return safeJson(c, errorBody(error.status === 404 ? "NOT_FOUND" : "INVALID_DATA", "bad request"), secrets, error.status);
  }
  return safeJson(c, errorBody("INTERNAL", "internal error"), secrets, 500);
}

import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorCode } from "./error-body.ts";

const STATUS: Partial<Record<ApiErrorCode, ContentfulStatusCode>> = {
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  PROVIDER_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  UNKNOWN_SYMBOL: 404,
  INVALID_CONFIGURATION: 400,
  INVALID_ORDER: 400,
  INVALID_DATA: 400,
  RATE_LIMITED: 429,
  PROVIDER_NOT_CONNECTED: 503,
  CONNECTION_LOST: 503,
  STREAM_DISCONNECTED: 503,
  PROVIDER_CONNECTION_FAILED: 503,
};

/** The HTTP status for an error code; anything unlisted is the server's fault (500). */
export function errorStatus(code: ApiErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

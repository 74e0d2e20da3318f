import type { ArgoError } from "@argo/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { RequestError } from "./request-error.ts";

// Codes with a status of their own whoever threw them: what was asked for does not exist, or the session cannot
// answer for a while (the client may retry).
const STATUS: Partial<Record<string, ContentfulStatusCode>> = {
  PROVIDER_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  UNKNOWN_SYMBOL: 404,
  RATE_LIMITED: 429,
  PROVIDER_NOT_CONNECTED: 503,
  CONNECTION_LOST: 503,
  STREAM_DISCONNECTED: 503,
  PROVIDER_CONNECTION_FAILED: 503,
};

// Codes only a venue or a data source produces: its reply was refused or could not be read.
const UPSTREAM_CODES: ReadonlySet<string> = new Set(["BROKER_REJECTED", "INVALID_DATA"]);

/**
 * The HTTP status for an Argo error a route threw. Only a {@link RequestError} is the client's fault (400); any other
 * is a server-side failure: 502 when it comes from a provider (it names one, or its code is a venue's), else 500.
 */
export function errorStatus(error: ArgoError): ContentfulStatusCode {
  if (error instanceof RequestError) return 400;
  const known = STATUS[error.code];
  if (known !== undefined) return known;
  return error.provider !== undefined || UPSTREAM_CODES.has(error.code) ? 502 : 500;
}

/** Whether an answer with this status is a failure the operator should hear of (through `onError`), not the client's. */
export function isServerFailure(status: number): boolean {
  return status === 500 || status === 502;
}

import type { ErrorCode } from "./error-codes.ts";

/** Marks Argo errors across duplicate copies of core, where `instanceof` would fail. */
export const ARGO_ERROR_BRAND = Symbol.for("argo.error");

/** Options of an {@link ArgoError} beyond its code and message. */
export interface ArgoErrorOptions {
  /** Name of the provider the error came from. */
  provider?: string;
  /** Structured, secret-free facts about the failure (field paths, order ids, limits). */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** For RATE_LIMITED: milliseconds to wait before trying again. */
  retryAfterMs?: number;
}

/** The one error type of Argo: a stable code, the provider, details and cause. */
export class ArgoError extends Error {
  readonly code: ErrorCode;
  readonly provider?: string;
  readonly details?: Record<string, unknown>;
  readonly retryAfterMs?: number;
  readonly [ARGO_ERROR_BRAND] = true;

  constructor(code: ErrorCode, message: string, options: ArgoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ArgoError";
    this.code = code;
    if (options.provider !== undefined) this.provider = options.provider;
    if (options.details !== undefined) this.details = options.details;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** A JSON form for logs and API responses; the cause is summarised, never dumped. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      provider: this.provider,
      details: this.details,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

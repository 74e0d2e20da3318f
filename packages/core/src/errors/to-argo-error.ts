import { ArgoError } from "./argo-error.ts";
import type { ErrorCode } from "./error-codes.ts";
import { isArgoError } from "./is-argo-error.ts";

/** Wraps anything thrown into an ArgoError, keeping an existing one as it is. */
export function toArgoError(value: unknown, code: ErrorCode = "INTERNAL", provider?: string): ArgoError {
  if (isArgoError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new ArgoError(code, message, { cause: value, ...(provider ? { provider } : {}) });
}

import { ARGO_ERROR_BRAND, type ArgoError } from "./argo-error.ts";
import { ERROR_CODES, type ErrorCode } from "./error-codes.ts";

const codes: ReadonlySet<string> = new Set(ERROR_CODES);

/** True for an Argo error from any copy of core, optionally with the given code. Checks the code, not the class. */
export function isArgoError(value: unknown, code?: ErrorCode): value is ArgoError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { code?: unknown; [ARGO_ERROR_BRAND]?: unknown };
  if (candidate[ARGO_ERROR_BRAND] !== true || typeof candidate.code !== "string") return false;
  if (!codes.has(candidate.code)) return false;
  return code === undefined || candidate.code === code;
}

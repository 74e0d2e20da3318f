import type { ErrorCode } from "@argo/core";

/** Codes the API answers with: every Argo error code plus the HTTP-only ones. */
export type ApiErrorCode = ErrorCode | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** Builds the `{ error: { code, message } }` body. */
export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export { ERROR_CODES, type ErrorCode } from "./error-codes.ts";
export { ArgoError, ARGO_ERROR_BRAND, type ArgoErrorOptions } from "./argo-error.ts";
export { isArgoError } from "./is-argo-error.ts";
export { toArgoError } from "./to-argo-error.ts";

import { ArgoError, type ErrorCode } from "@argo/core";
import type { VenueState } from "./venue-state.ts";

/** An ArgoError from this venue, carrying the provider name and secret-free details. */
export function venueError(state: VenueState, code: ErrorCode, message: string, details?: Record<string, unknown>): ArgoError {
  return new ArgoError(code, message, details ? { provider: state.name, details } : { provider: state.name });
}

/** INVALID_ORDER naming the field and what was wrong with it. */
export function invalidOrder(state: VenueState, message: string, details?: Record<string, unknown>): ArgoError {
  return venueError(state, "INVALID_ORDER", message, details);
}

/** Throws PROVIDER_NOT_CONNECTED unless connected. */
export function assertConnected(state: VenueState): void {
  if (state.connection !== "CONNECTED") {
    throw venueError(state, "PROVIDER_NOT_CONNECTED", `${state.name} is not connected; call connect() first`);
  }
}

import type { ArgoError, ErrorCode } from "@argo/core";

/** Venue refusals of a particular order: the venue answered, so they say nothing about its health. */
const ORDER_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "INSUFFICIENT_FUNDS",
  "INSUFFICIENT_POSITION",
  "INVALID_ORDER",
  "DUPLICATE_ORDER",
  "UNKNOWN_SYMBOL",
  "ORDER_NOT_FOUND",
  "ORDER_ALREADY_FILLED",
  "BROKER_REJECTED",
]);

/** True when an error counts towards the circuit breaker (connection, rate limit, internal…), not an order refusal. */
export function isProviderFailure(error: ArgoError): boolean {
  return !ORDER_REFUSALS.has(error.code);
}

/** Trips after `threshold` consecutive provider failures; any successful call resets the count. */
export class CircuitBreaker {
  private consecutive = 0;
  tripped = false;

  constructor(readonly threshold: number) {}

  /** Records a failed call; true when this failure trips the breaker. */
  failure(error: ArgoError): boolean {
    if (!isProviderFailure(error)) {
      this.consecutive = 0;
      return false;
    }
    this.consecutive++;
    if (!this.tripped && this.consecutive >= this.threshold) {
      this.tripped = true;
      return true;
    }
    return false;
  }

  success(): void {
    this.consecutive = 0;
  }

  get failures(): number {
    return this.consecutive;
  }
}

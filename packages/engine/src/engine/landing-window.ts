import { ArgoError, type TradingProvider } from "@argo/core";

/**
 * The venue's landing window (TradingProvider.landingWindowMs), undefined when it declares none. A value that is no
 * positive finite number is the provider's bug: refused at the start (INVALID_DATA naming the provider), since read as
 * a window it could free the id of an order that may still land, and a halt could then close its position twice.
 */
export function landingWindowOf(venue: TradingProvider): number | undefined {
  const ms: unknown = venue.landingWindowMs;
  if (ms === undefined) return undefined;
  if (typeof ms === "number" && Number.isFinite(ms) && ms > 0) return ms;
  const shown = typeof ms === "number" ? String(ms) : `a ${typeof ms}`;
  throw new ArgoError("INVALID_DATA", `provider "${venue.name}" declares landingWindowMs ${shown}: it must be a positive finite number of milliseconds, or left out`, {
    provider: venue.name,
  });
}

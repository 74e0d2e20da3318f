import { ArgoError } from "../errors/argo-error.ts";

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in a bar interval such as "1s", "5m", "1h", "1d" or "1w"; months ("1M") count as 30 days. */
export function intervalToMs(interval: string): number {
  const match = /^(\d+)([smhdwM])$/.exec(interval);
  if (!match) {
    throw new ArgoError("INVALID_CONFIGURATION", `invalid interval "${interval}": expected a number and a unit (s, m, h, d, w, M), e.g. "1m"`, {
      details: { interval },
    });
  }
  const count = Number(match[1]);
  const unit = match[2] as string;
  const unitMs = unit === "M" ? 30 * UNIT_MS.d! : UNIT_MS[unit]!;
  if (count <= 0) {
    throw new ArgoError("INVALID_CONFIGURATION", `invalid interval "${interval}": the count must be positive`, { details: { interval } });
  }
  return count * unitMs;
}

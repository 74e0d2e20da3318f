import type { Fill } from "@argo/core";

/** The `fills` whose id is not among `known`: what a lookup of an order found that nothing has reported yet. */
export function unseenFills(known: readonly Fill[] | undefined, fills: readonly Fill[]): Fill[] {
  if (known === undefined || known.length === 0) return [...fills];
  const ids = new Set(known.map((fill) => fill.id));
  return fills.filter((fill) => !ids.has(fill.id));
}

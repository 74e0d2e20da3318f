import { shown } from "./shown-value.ts";

/** How big an order is: exactly one of a base quantity, a quote amount or a fraction of equity (resolved by the venue at fill time). */
export type Sizing = { quantity: number } | { quoteAmount: number } | { equityFraction: number };

/** Sizes an order by base quantity (shares, coins, contracts). */
export function byQuantity(quantity: number): { quantity: number } {
  return { quantity };
}

/** Sizes an order by an amount of quote currency, turned into a quantity at fill time. */
export function byQuote(quoteAmount: number): { quoteAmount: number } {
  return { quoteAmount };
}

/** Sizes an order as a fraction (0, 1] of the equity available at fill time, rounded down to the venue's lot step. */
export function byEquityFraction(equityFraction: number): { equityFraction: number } {
  return { equityFraction };
}

/** The sizing fields an order or signal may carry. */
export interface SizingFields {
  quantity?: number;
  quoteAmount?: number;
  equityFraction?: number;
}

/** Why a sizing is unusable, or undefined when exactly one positive, finite size is given. */
export function sizingProblem(fields: SizingFields): string | undefined {
  // Checked field by field (no list of keys to walk): this runs for every order.
  const { quantity, quoteAmount, equityFraction } = fields;
  const given = (quantity !== undefined ? 1 : 0) + (quoteAmount !== undefined ? 1 : 0) + (equityFraction !== undefined ? 1 : 0);
  const problem = badSize("quantity", quantity) ?? badSize("quoteAmount", quoteAmount) ?? badSize("equityFraction", equityFraction);
  if (problem !== undefined) return problem;
  if (given === 0) return "an order needs one of quantity, quoteAmount or equityFraction";
  if (given > 1) return "give only one of quantity, quoteAmount or equityFraction";
  return undefined;
}

function badSize(key: keyof SizingFields, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    return `${key} must be a positive number (the side, not the sign, gives the direction), got ${shown(value)}`;
  }
  if (key === "equityFraction" && value > 1) return `equityFraction must be in (0, 1], got ${value}`;
  return undefined;
}

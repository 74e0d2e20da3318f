import type { PaperConfig } from "../config/paper-config-schema.ts";
import type { SymbolRulesConfig } from "../config/symbol-rules-schema.ts";
import { stepDecimals } from "./step-math.ts";

/** A symbol's venue rules with absent limits as neutral numbers, so checks need no undefined tests. */
export interface SymbolRules {
  tickSize: number;
  tickDecimals: number;
  stepSize: number;
  stepDecimals: number;
  minQuantity: number;
  maxQuantity: number;
  minNotional: number;
}

/** The rules of no restriction at all. */
export const NO_RULES: SymbolRules = Object.freeze({
  tickSize: 0,
  tickDecimals: 0,
  stepSize: 0,
  stepDecimals: 0,
  minQuantity: 0,
  maxQuantity: Number.POSITIVE_INFINITY,
  minNotional: 0,
});

/** Resolves the rules of `symbol` from the config: its own entry, else the defaults, else none. */
export function resolveSymbolRules(config: PaperConfig, symbol: string): SymbolRules {
  // Own keys only: a symbol named "toString" must not find Object.prototype's and miss the defaults.
  const own = Object.hasOwn(config.symbolRules, symbol) ? config.symbolRules[symbol] : undefined;
  const given: SymbolRulesConfig | undefined = own ?? config.defaultRules;
  if (!given) return NO_RULES;
  return {
    tickSize: given.tickSize ?? 0,
    tickDecimals: stepDecimals(given.tickSize ?? 0),
    stepSize: given.stepSize ?? 0,
    stepDecimals: stepDecimals(given.stepSize ?? 0),
    minQuantity: given.minQuantity ?? 0,
    maxQuantity: given.maxQuantity ?? Number.POSITIVE_INFINITY,
    minNotional: given.minNotional ?? 0,
  };
}

import * as v from "valibot";

const positive = (description: string) => v.optional(v.pipe(v.number("must be a number"), v.gtValue(0, "must be greater than 0"), v.description(description)));
const fraction = (description: string) =>
  v.optional(
    v.pipe(v.number("must be a number"), v.gtValue(0, "must be greater than 0"), v.maxValue(1, "must be at most 1 (a fraction: 0.1 = 10%)"), v.description(description)),
  );

const symbolLimits = v.strictObject({
  maxPositionQuantity: positive("Largest absolute position in this symbol, in base units."),
  maxPositionNotional: positive("Largest absolute position value in this symbol (quantity × price), in account currency."),
});

/**
 * Risk limits between the strategy and the venue. Orders that close or reduce a position always
 * pass (except when HALTED). All fractions are of equity: 0.1 = 10%.
 */
export const riskConfigSchema = v.pipe(
  v.strictObject({
    maxPositionQuantity: positive("Largest absolute position per symbol, in base units."),
    maxPositionNotional: positive("Largest absolute position value per symbol (quantity × price), in account currency."),
    maxOrderValue: positive("Largest value of one order (estimated quantity × price), in account currency."),
    maxOpenOrders: v.optional(
      v.pipe(v.number(), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.description("Most open orders at once (those in flight count).")),
    ),
    maxDrawdown: fraction("Drawdown from the equity peak at which trading turns REDUCING (only exposure-reducing orders)."),
    haltDrawdown: fraction("Drawdown at which trading is HALTED (all orders cancelled, none accepted). Default: 1.5 × maxDrawdown, at most 1."),
    maxDailyLoss: fraction("Loss since the end of the previous UTC day (engine clock), as a fraction of the equity then, at which trading turns REDUCING."),
    haltDailyLoss: fraction("Daily loss at which trading is HALTED. Default: 1.5 × maxDailyLoss, at most 1."),
    circuitBreakerErrors: v.optional(
      v.pipe(v.number(), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.description("Consecutive trading provider errors that halt trading.")),
      5,
    ),
    closePositionsOnHalt: v.optional(v.pipe(v.boolean(), v.description("When HALTED, also close every open position with market orders.")), false),
    symbols: v.optional(
      v.pipe(v.record(v.string(), symbolLimits), v.description("Per-symbol overrides of maxPositionQuantity and maxPositionNotional.")),
    ),
  }),
  v.forward(
    v.check((c) => c.haltDrawdown === undefined || c.maxDrawdown === undefined || c.haltDrawdown >= c.maxDrawdown, "must be at least maxDrawdown"),
    ["haltDrawdown"],
  ),
  v.forward(
    v.check((c) => c.haltDailyLoss === undefined || c.maxDailyLoss === undefined || c.haltDailyLoss >= c.maxDailyLoss, "must be at least maxDailyLoss"),
    ["haltDailyLoss"],
  ),
);

/** Risk limits as a user writes them. */
export type RiskConfigInput = v.InferInput<typeof riskConfigSchema>;
/** Validated risk limits. */
export type RiskConfig = v.InferOutput<typeof riskConfigSchema>;

/** The halt threshold for a limit: explicit, or 1.5 × the reducing limit capped at 1. */
export function haltThreshold(limit: number | undefined, halt: number | undefined): number | undefined {
  if (halt !== undefined) return halt;
  return limit === undefined ? undefined : Math.min(1, limit * 1.5);
}

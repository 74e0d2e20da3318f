import * as v from "valibot";

const positive = (description: string) => v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0), v.description(description)));

/**
 * A price or quantity increment: amounts are divided by it to round them, and a step far below any venue's (Binance's
 * smallest is 1e-8) makes that quotient Infinity, so every quote- or equity-sized order would fail at fill time.
 */
const MIN_INCREMENT = 1e-10;
const increment = (description: string) =>
  v.optional(v.pipe(v.number(), v.finite(), v.minValue(MIN_INCREMENT, `must be ${MIN_INCREMENT} or more`), v.description(description)));

/** Venue rules of one symbol, enforced at placement like Binance's PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL. */
export const symbolRulesSchema = v.pipe(
  v.strictObject({
    tickSize: increment("Price increment (PRICE_FILTER): limit, stop and trigger prices must be multiples of it; slipped fill prices are rounded to it against the trader."),
    stepSize: increment("Quantity increment (LOT_SIZE): quantities must be multiples of it; quote- and equity-sized orders are rounded down to it."),
    minQuantity: positive("Smallest quantity one order may have (LOT_SIZE minQty)."),
    maxQuantity: positive("Largest quantity one order may have (LOT_SIZE maxQty)."),
    minNotional: positive("Smallest order value, quantity × price, in the account currency (MIN_NOTIONAL)."),
  }),
  v.forward(
    v.check(
      (rules) => rules.minQuantity === undefined || rules.maxQuantity === undefined || rules.minQuantity <= rules.maxQuantity,
      "must be at least minQuantity",
    ),
    ["maxQuantity"],
  ),
  v.description("Venue rules of a symbol; every field is optional and an absent one is not enforced."),
);

/** Venue rules as given in the config. */
export type SymbolRulesConfig = v.InferOutput<typeof symbolRulesSchema>;

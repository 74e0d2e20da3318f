import * as v from "valibot";

const nonNegative = (description: string) => v.pipe(v.number(), v.finite(), v.minValue(0), v.description(description));

/** How far market and triggered-stop fills move against the trader; limit-priced fills never slip. */
export const slippageSchema = v.pipe(
  v.variant("model", [
    v.strictObject({ model: v.pipe(v.literal("none"), v.description("No slippage: fills at the bar price.")) }),
    v.strictObject({
      model: v.pipe(v.literal("fixed"), v.description("A fixed price amount per unit.")),
      amount: nonNegative("Price amount added to buys and subtracted from sells, in the quote currency."),
    }),
    v.strictObject({
      model: v.pipe(v.literal("percentage"), v.description("A fraction of the price.")),
      rate: v.pipe(nonNegative("Fraction of the price, e.g. 0.0005 for 5 basis points."), v.maxValue(1)),
    }),
    v.strictObject({
      model: v.pipe(v.literal("market-impact"), v.description("Grows with the order's size relative to the bar's volume.")),
      coefficient: nonNegative("Price fraction moved when an order takes the whole bar's volume."),
      exponent: v.optional(
        v.pipe(nonNegative("Shape of the impact curve: fraction = coefficient × (quantity / bar volume) ^ exponent; 0.5 is the square-root law."), v.maxValue(4)),
        0.5,
      ),
    }),
  ]),
  v.description("Slippage model of market and stop fills."),
);

/** A slippage model as given in the config. */
export type SlippageConfig = v.InferOutput<typeof slippageSchema>;

import { secret } from "@argo/core";
import * as v from "valibot";

/** Config of the example venue; `apiToken` shows how a secret is declared (write-only, always redacted). */
export const exampleConfigSchema = v.strictObject({
  initialCash: v.pipe(v.number(), v.minValue(0), v.description("Starting cash in the quote currency")),
  feeRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(0.1), v.description("Fee as a fraction of traded notional")), 0.001),
  symbols: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1), v.description("Symbols the venue lists")),
  apiToken: v.optional(secret("Token for the (imaginary) venue API")),
});

/** The validated example config. */
export type ExampleConfig = v.InferOutput<typeof exampleConfigSchema>;

import * as v from "valibot";
import { slippageSchema } from "./slippage-schema.ts";
import { symbolRulesSchema } from "./symbol-rules-schema.ts";

/** The largest starting cash: 1e15 still holds cents exactly in a double (2^53 ≈ 9e15). */
const MAX_CAPITAL = 1e15;

const rate = (description: string) => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1), v.description(description));

const commissionSchema = v.pipe(
  v.strictObject({
    makerRate: v.optional(rate("Fee rate on the traded value of fills that rested in the book (limit orders filled at their price)."), 0.001),
    takerRate: v.optional(rate("Fee rate on the traded value of fills that took liquidity (market, stop, and limits marketable on arrival)."), 0.001),
    minimum: v.optional(
      v.pipe(v.number(), v.finite(), v.minValue(0), v.description("Smallest fee one order pays in total, in the account currency.")),
      0,
    ),
  }),
  v.description("Commission charged on every fill, in the account currency."),
);

/** The `paper` provider's config: account, costs, latency and venue rules. Every field has a default. */
export const paperConfigSchema = v.pipe(
  v.strictObject({
    initialCapital: v.optional(
      v.pipe(
        v.number(),
        v.finite(),
        v.gtValue(0),
        // Past this a fill's notional and fee overflow or lose their cents, and the run would fail at its first fill.
        v.maxValue(MAX_CAPITAL, `must be ${MAX_CAPITAL} or less`),
        v.description("Cash the account starts with, in `currency`."),
      ),
      100_000,
    ),
    currency: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Z0-9]{2,10}$/, "must be 2–10 upper-case letters or digits"), v.description("Account (quote) currency.")),
      "USD",
    ),
    commission: v.optional(commissionSchema, {}),
    slippage: v.optional(slippageSchema, { model: "none" }),
    latencyMs: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0),
        v.description("Delay from placing an order to its arrival at the venue, on the venue clock (never wall time)."),
      ),
      0,
    ),
    maxVolumeShare: v.optional(
      v.pipe(
        v.number(),
        v.gtValue(0),
        v.maxValue(1),
        v.description("Largest share of a bar's volume one order may fill in that bar; larger orders fill over several bars. Absent: no limit."),
      ),
    ),
    allowShorting: v.optional(v.pipe(v.boolean(), v.description("Whether sells beyond the long position open a short.")), false),
    symbols: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.nonEmpty("must not be empty"))),
        v.minLength(1, "must list at least one symbol"),
        v.description("Symbols that exist at this venue. Absent: any symbol the venue has seen a bar for, or has rules for."),
      ),
    ),
    symbolRules: v.optional(
      v.pipe(v.record(v.string(), symbolRulesSchema), v.description("Venue rules by symbol; they replace `defaultRules` for that symbol.")),
      {},
    ),
    defaultRules: v.optional(v.pipe(symbolRulesSchema, v.description("Venue rules of every symbol without its own entry in `symbolRules`."))),
  }),
  v.forward(
    v.check(
      (config) => !config.symbols || Object.keys(config.symbolRules).every((symbol) => config.symbols!.includes(symbol)),
      "has rules for a symbol missing from `symbols`",
    ),
    ["symbolRules"],
  ),
);

/** The `paper` config as a user writes it (fields with defaults optional). */
export type PaperConfigInput = v.InferInput<typeof paperConfigSchema>;

/** The validated `paper` config, defaults applied. */
export type PaperConfig = v.InferOutput<typeof paperConfigSchema>;

import { defineStrategy, type StrategyContext } from "@argo/engine";
import * as v from "valibot";

// Finite: an `.inf` amount would pass as "greater than 0" and the venue would refuse every entry.
const sizing = v.union([
  v.strictObject({ equityFraction: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1), v.description("Fraction (0, 1] of equity per entry, resolved at fill time.")) }),
  v.strictObject({ quantity: v.pipe(v.number(), v.finite(), v.gtValue(0), v.description("Base quantity per entry.")) }),
  v.strictObject({ quoteAmount: v.pipe(v.number(), v.finite(), v.gtValue(0), v.description("Quote-currency amount per entry.")) }),
]);

const config = v.pipe(
  v.strictObject({
    fast: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description("Period of the fast SMA.")), 10),
    slow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.description("Period of the slow SMA.")), 30),
    sizing: v.optional(
      v.pipe(sizing, v.description("Entry size. Default: all available equity ({ equityFraction: 1 }); the venue rounds down to its lot step (whole shares with lot step 1).")),
      { equityFraction: 1 },
    ),
  }),
  v.forward(v.check((c) => c.fast < c.slow, "must be greater than fast"), ["slow"]),
);

type Config = v.InferOutput<typeof config>;

/**
 * SMA cross, always in the market once the first cross happened. A cross up is fast below slow on
 * the previous bar and above it on this one; a cross down is the reverse (equality is no cross).
 * On a cross up: close any short, go long; on a cross down: close any long, go short.
 * Orders are placed at this bar's close and fill at the earliest on the next bar.
 */
export default defineStrategy({
  name: "sma-cross",
  description: "Fast/slow simple moving average cross: long above, short below.",
  config,
  onBar(_bar, ctx) {
    const fast = ctx.indicators.sma(ctx.config.fast);
    const slow = ctx.indicators.sma(ctx.config.slow);
    const f = fast.value();
    const s = slow.value();
    const pf = fast.previous();
    const ps = slow.previous();
    if (f === undefined || s === undefined || pf === undefined || ps === undefined) return;
    if (pf < ps && f > s) return reverse(ctx, "LONG");
    if (pf > ps && f < s) return reverse(ctx, "SHORT");
  },
});

async function reverse(ctx: StrategyContext<Config>, to: "LONG" | "SHORT"): Promise<void> {
  const held = ctx.position();
  if (held?.side === to) return;
  // Close first, so the venue frees the equity before the entry sized from it resolves.
  if (held) await ctx.signal({ action: to === "LONG" ? "CLOSE_SHORT" : "CLOSE_LONG", reason: `sma cross ${to === "LONG" ? "up" : "down"}` });
  await ctx.signal({ action: to === "LONG" ? "OPEN_LONG" : "OPEN_SHORT", ...ctx.config.sizing, reason: `sma cross ${to === "LONG" ? "up" : "down"}` });
}

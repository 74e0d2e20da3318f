import type { SimulatedVenue } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import { formatMoney } from "../report/format-statistic.ts";
import { isoTimeOrText } from "../report/iso-time.ts";
import type { RunRecorder } from "./run-recorder.ts";
import { closeEverything } from "./settle-at-end.ts";

/**
 * Ends trading once the equity marked at a step's close is ≤ 0 (backtesting.py's `_OutOfMoneyError`): cancels every
 * working order, closes every position at its symbol's last close (the step's, for every symbol that had a bar then;
 * commission and slippage apply as in the final pass; a close the venue refuses is recorded, see closeEverything),
 * halts the trading state so no order goes out after the stop, and records that step at 0. The caller replays the rest of the data without the pipeline, at 0.
 */
export async function stopOutOfMoney(pipeline: BarPipeline, venue: SimulatedVenue, recorder: RunRecorder, intervalMs: number): Promise<void> {
  const { time, equity } = recorder.outOfMoney!;
  const { cancelled, closes } = await closeEverything(pipeline, venue, recorder, "last-close", intervalMs, "out of money", "when the account ran out of money");
  recorder.cancelledOutOfMoney = cancelled;
  recorder.closesOutOfMoney = closes;
  // HALTED refuses every order from here on: one the strategy places in a callback of these closes, or in onStop,
  // would otherwise wait at a venue that never sees another bar. Engine closes still pass, none is needed.
  pipeline.halt(`out of money: equity ${formatEquity(equity)} at the close of the bar at ${isoTimeOrText(time)}`);
  // The closes' fills and the halt reach the strategy's callbacks before the replay goes on.
  await pipeline.settle();
  recorder.zeroLastStep();
}

/** An equity for a message: two decimals, as money is read (more digits only for an amount under 1 they would hide, see formatMoney). */
export function formatEquity(equity: number): string {
  return formatMoney(equity, false);
}

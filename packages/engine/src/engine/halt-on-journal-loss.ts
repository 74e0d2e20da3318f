import type { ArgoError } from "@argo/core";
import type { BarPipeline } from "./bar-pipeline.ts";
import { reactToStateChange } from "./react-to-state-change.ts";

/**
 * Halts the session whose journal can no longer record (Journal.onLoss): every order it sent from then on would be lost to
 * the next start, which could send it again. The reason is the loss (it names the journal file and what happened), told
 * once through onTradingStateChange, as every halt is; the order or write that found the loss reports its own failure.
 *
 * Halted as reactToStateChange halts, less the closes on halt: the open orders are cancelled (a cancel never adds risk, and
 * needs no record first), placements on their way are cancelled as they arrive, but no close is sent, whatever
 * `closePositionsOnHalt` says: the journal cannot record it (a real venue's order is refused unrecorded, and a simulator's
 * would go out unrecorded). The log says so, naming the positions left open.
 */
export function haltOnJournalLoss(p: BarPipeline, loss: ArgoError): void {
  // The run is over (its last writes found the loss): nothing is left to trade or halt, and close reports the loss.
  if (p.finished) return;
  const change = p.stateMachine.halt(loss.message, p.time);
  // Halted already: it traded nothing since, and the write or order that found the loss reports it.
  if (change === undefined) return;
  reactToStateChange(p, change, false);
  if (!p.options.risk.closePositionsOnHalt) return;
  const open = [...p.mirror.positionsBySymbol.values()].map((position) => `${position.side.toLowerCase()} ${position.symbol}`);
  if (open.length === 0) return;
  p.runner.log.warn(`close on halt skipped: the session journal can no longer record orders, so the positions stay open (${open.join(", ")}); close them at the venue`);
}

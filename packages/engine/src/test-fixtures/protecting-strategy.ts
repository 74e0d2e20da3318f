import type { Bar } from "@argo/core";
import type { FakeVenue } from "./fake-venue.ts";
import { runEngine, testStrategy } from "./run-engine.ts";

/**
 * A strategy for restart tests: in session 1 it buys `quantity` at market at `entryBar` (id "entry"); on the entry's
 * FILLED it places a take-profit (SELL `quantity` at 150, resting, id `tp-<session>`). Every update it hears is logged as
 * `session <n>: <id> <status>`; `onBar` runs first at each bar (a venue's replay set off there, say).
 */
export function protectingStrategy(log: string[], session: number, entryBar: Bar, quantity: number, onBar?: () => void) {
  return testStrategy({
    onBar(bar, ctx) {
      onBar?.();
      if (session === 1 && bar === entryBar) void ctx.placeOrder({ side: "BUY", type: "MARKET", quantity, clientOrderId: "entry" });
    },
    async onOrderUpdate(order, ctx) {
      log.push(`session ${session}: ${order.clientOrderId} ${order.status}`);
      if (order.clientOrderId === "entry" && order.status === "FILLED") {
        await ctx.placeOrder({ side: "SELL", type: "LIMIT", quantity, limitPrice: 150, clientOrderId: `tp-${session}` });
      }
    },
  });
}

/**
 * The second session of a restart test on `sessionDir`: `venue` replays every event it ever sent at the session's first
 * bar (as a broker re-sends its backlog after a reconnect). Returns the run and whether the replay happened.
 */
export async function resumeReplaying(venue: FakeVenue & { replay(): void }, bars: Bar[], log: string[], quantity: number, sessionDir: string) {
  let replayed = false;
  const onBar = () => void (replayed || ((replayed = true), venue.replay()));
  const run = await runEngine({ bars, venue, strategy: protectingStrategy(log, 2, bars[0]!, quantity, onBar), engine: { sessionDir } });
  return { run, replayed };
}

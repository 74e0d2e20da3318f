import { idTaken } from "./find-order.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

/** Client ids of a bracket's legs: the entry's id with "-sl" / "-tp", reserved when the entry is placed. */
export function legClientIds(entryClientOrderId: string): { stopLoss: string; takeProfit: string } {
  return { stopLoss: `${entryClientOrderId}-sl`, takeProfit: `${entryClientOrderId}-tp` };
}

/** The first leg id of an entry `id` that an order or another entry already holds, if any. */
export function legIdTaken(state: VenueState, id: string): string | undefined {
  const ids = legClientIds(id);
  if (idTaken(state, ids.stopLoss)) return ids.stopLoss;
  return idTaken(state, ids.takeProfit) ? ids.takeProfit : undefined;
}

/**
 * Disarms an entry's legs and gives back the ids reserved for them: once no more legs can come, an id
 * held for none would refuse a later order as a duplicate of nothing. Legs already created hold their
 * ids as orders, so only the ids of legs that never came are really freed.
 */
export function releaseLegIds(state: VenueState, entry: OrderRecord): void {
  entry.legsArmed = false;
  const ids = legClientIds(entry.order.clientOrderId);
  // Placement refuses an entry whose leg ids are taken, so these ids were held for this entry alone.
  state.reservedIds.delete(ids.stopLoss);
  state.reservedIds.delete(ids.takeProfit);
}

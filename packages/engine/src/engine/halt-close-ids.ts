import type { AccountMirror } from "./account-mirror.ts";

/**
 * The engine's closes on halt (closePositionsOnHalt), by client id. A strategy that cancels every bar
 * (`ctx.cancelAllOrders()`, a common pattern) would otherwise cancel them at the venue, and once HALTED it can place
 * nothing in their stead: the position the halt was meant to close would stay open for the rest of the session.
 * Only ever filled on a halt, so it stays empty (and costs nothing) in a session that never halts.
 */
export class HaltCloseIds {
  private readonly ids = new Set<string>();

  /** Notes a close the engine is sending on halt. */
  add(clientOrderId: string): void {
    this.ids.add(clientOrderId);
  }

  /** Whether the halt sent any close. */
  get any(): boolean {
    return this.ids.size !== 0;
  }

  /** Whether `clientOrderId` is the client id of one of them (not a venue id: see {@link has}). */
  hasClientId(clientOrderId: string): boolean {
    return this.ids.has(clientOrderId);
  }

  /** Whether `orderId`, a client or venue id as a strategy may give it, names one of them. */
  has(orderId: string, mirror: AccountMirror): boolean {
    if (this.ids.has(orderId)) return true;
    for (const id of this.ids) if (mirror.orders.get(id)?.venueOrderId === orderId) return true;
    return false;
  }
}

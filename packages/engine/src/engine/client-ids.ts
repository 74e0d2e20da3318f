import type { Journal } from "../journal/journal.ts";
import type { AccountMirror } from "./account-mirror.ts";

/** Why a strategy's own client id is not an id at all (strategies in JavaScript can pass anything), or undefined. */
export function clientIdShapeProblem(id: unknown): string | undefined {
  if (typeof id === "string" && id !== "") return undefined;
  return `clientOrderId must be a non-empty string, got ${typeof id === "string" ? "an empty string" : String(id)}`;
}

/**
 * The client order ids of a session: the ones the engine makes, and whether one the strategy chose is still free.
 *
 * A client id names one order for good. Many venues refuse an id only among their open orders (Binance and Kraken take
 * the id of a finished order again), so a strategy retrying a filled order with its id would trade twice; and the mirror
 * and the journal key orders by client id, so the second order would overwrite the first one's record.
 */
export class ClientIds {
  private sequence = 0;
  /**
   * Ids the strategy chose that were sent to the venue this session and may name an order there (usually none: most
   * strategies let the engine choose).
   */
  private readonly chosen = new Set<string>();
  /**
   * Of those, the ones a lookup declared not placed (the venue did not know them yet): a request stuck in a queue may
   * still land, so they stay taken for the session, with a refusal that says why.
   */
  private readonly unsettled = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly mirror: AccountMirror,
    private readonly journal: Journal | undefined,
  ) {}

  /** A new engine id: the prefix and a sequence number in base 36, past any id the strategy chose. */
  next(): string {
    let id = `${this.prefix}${(++this.sequence).toString(36)}`;
    while (this.chosen.size !== 0 && this.chosen.has(id)) id = `${this.prefix}${(++this.sequence).toString(36)}`;
    return id;
  }

  /** Why a strategy's own id cannot name a new order, or undefined when it is free. */
  problem(id: string): string | undefined {
    if (this.mirror.orders.has(id) || this.issued(id)) return `client order id "${id}" already names an order of this session`;
    if (this.unsettled.size !== 0 && this.unsettled.has(id)) {
      return `client order id "${id}" was sent to the venue this session and the venue never settled that placement (it did not know the order when asked, but its first placement may still land): choose another id`;
    }
    // Sent and not settled as refused: still unanswered, of unknown outcome, or an order the mirror no longer keeps.
    if (this.chosen.has(id)) return `client order id "${id}" was already sent to the venue this session`;
    if (this.journal?.hasOrder(id)) return `client order id "${id}" already names an order in the session journal`;
    return undefined;
  }

  /** Marks a strategy's own id as taken: an order is being sent with it. */
  take(id: string): void {
    this.chosen.add(id);
    // Taken again by the order that landed after all: its records name it now, not the unsettled placement.
    if (this.unsettled.size !== 0) this.unsettled.delete(id);
  }

  /** Frees an id whose placement the venue refused or never received: no order has it (a no-op for engine ids). */
  release(id: string): void {
    this.chosen.delete(id);
    if (this.unsettled.size !== 0) this.unsettled.delete(id);
  }

  /**
   * Keeps a strategy's id taken after a lookup declared its placement not placed: "not known yet" does not prove the
   * request will never land, and a second order under the id would share the first one's records (a no-op for engine
   * ids, which the sequence never makes again). Only the venue's refusal of that placement frees it ({@link release}).
   */
  keepUnsettled(id: string): void {
    if (this.chosen.has(id)) this.unsettled.add(id);
  }

  /** Whether `id` is one this engine made already (the mirror forgets long-finished orders; the sequence does not). */
  private issued(id: string): boolean {
    if (!id.startsWith(this.prefix)) return false;
    const digits = id.slice(this.prefix.length);
    const n = Number.parseInt(digits, 36);
    return n >= 1 && n <= this.sequence && n.toString(36) === digits;
  }
}

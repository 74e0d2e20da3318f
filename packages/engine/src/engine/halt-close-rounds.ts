import { ArgoError, type OrderRequest, type Position } from "@argo/core";
import { isProviderFailure } from "../risk/circuit-breaker.ts";
import { sideAgainst } from "../risk/working-quantity.ts";
import { closeRoom } from "../strategy/close-quantity.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { closePositionRequest } from "./close-position-request.ts";
import { showsUnbookedFills } from "./fills-short.ts";

/**
 * The closes of a halt with closePositionsOnHalt: the halt's own round, then a top-up at each later bar for what is still
 * open and not covered. The first close can leave part of a position open: sized beside an order whose lookup failed
 * (later found cancelled), failed on the wire, filled in part and ended by the venue. A close on its way or of unknown
 * outcome covers its position (no second close beside it: both could fill), one declared not placed too, for the session
 * (with a venue that declares a landing window, it stays of unknown outcome until that window has passed instead, then is
 * freed if the venue does not hold it); one the venue refused stops the closes of its symbol for the session (sent again it would be refused again, every bar). Rounds never overlap.
 */
export class HaltCloseRounds {
  /** Set once a halt closes positions: from then on each bar tops its closes up. */
  private active = false;
  /** A round is on its way: no other starts meanwhile. */
  private running = false;
  /** The latest close sent per symbol, by client id. */
  private readonly latest = new Map<string, string>();
  /** Symbols whose close the venue refused: not closed again this session. */
  private readonly refused = new Set<string>();
  /** Symbols whose close of unsettled outcome was said in the log already. */
  private readonly told = new Set<string>();

  constructor(private readonly p: BarPipeline) {}

  /** The halt's own closes, once `before` (its cancel-all, lookups and the placements it waits for) has settled. */
  first(before: Promise<unknown>): Promise<unknown> {
    this.active = true;
    this.running = true;
    return before.then(() => this.closeAll(false)).finally(() => {
      this.running = false;
    });
  }

  /** Whether a bar may have a close to top up: the halt closed positions, one is still held, and no round runs. */
  get due(): boolean {
    if (!this.active || this.running) return false;
    const positions = this.p.mirror.positionsBySymbol;
    if (positions.size === 0) return false;
    if (this.refused.size === 0) return true;
    for (const symbol of positions.keys()) if (!this.refused.has(symbol)) return true;
    return false;
  }

  /**
   * At a bar (after its lookups): closes what is still open of each position, less what works against it, unless a close
   * of it is on its way or of unknown outcome, or the venue refused one. Nothing once the session stops.
   */
  async topUp(): Promise<void> {
    const p = this.p;
    if (!this.due || p.gateway.stopping || p.gateway.gate.ended || p.stateMachine.state !== "HALTED") return;
    if (!this.anyOpen()) return; // no venue read for a bar with nothing to close
    this.running = true;
    try {
      await this.closeAll(true);
    } catch (error) {
      p.reportError(new ArgoError("INTERNAL", `close on halt: the closes at a later bar failed: ${(error as Error).message}`, { cause: error }));
    } finally {
      this.running = false;
    }
  }

  /**
   * A market close of every position, less what still works against it (an order the venue would not cancel, a
   * cancel-all that failed): never more than is free, as a strategy's close is sized. A position a fill may have changed
   * since the venue's last position event is read from the venue first, and left alone when it cannot be. A top-up says
   * in the log what it closes, and nothing of what it leaves (the halt's round said that already).
   */
  private async closeAll(topUp: boolean): Promise<unknown> {
    const p = this.p;
    const unknown = await p.gateway.reads.positions();
    const sent: Promise<OrderResult>[] = [];
    // From the engine's own map, copied first: a synchronous venue may fill a close and change the map while this loops.
    for (const position of Array.from(p.mirror.positionsBySymbol.values())) {
      const { symbol } = position;
      const what = `the ${position.side.toLowerCase()} position in ${symbol}`;
      if (!this.mayClose(symbol)) continue;
      if (unknown.has(symbol)) {
        if (!topUp) p.runner.log.warn(`close on halt: ${what} was not closed: the venue could not confirm it after its latest fill`);
        continue;
      }
      const room = this.room(position);
      // Covered already, or by orders of unknown size: a close on top could flip the position.
      if (room === undefined) {
        if (!topUp) p.runner.log.warn(`close on halt: ${what} is already covered by orders working against it`);
        continue;
      }
      if (topUp) p.runner.log.warn(`close on halt: ${room} of ${what} is still open and no order works against it: closing it`);
      const request = closePositionRequest(position, "close on halt", p.strategyName);
      request.quantity = room;
      sent.push(this.send(symbol, request));
    }
    return Promise.all(sent);
  }

  /** Sends one close (engine-initiated: past the risk manager, which refuses everything once HALTED) and notes its fate. */
  private send(symbol: string, request: OrderRequest): Promise<OrderResult> {
    const sent = this.p.gateway.sendHaltClose(request);
    this.latest.set(symbol, request.clientOrderId!);
    return sent.then((result) => {
      // A provider failure is no refusal: the venue may take a close sent again (one of unknown outcome stays in flight).
      if (result.status === "rejected" && !isProviderFailure(new ArgoError(result.code, result.reason))) this.refuse(symbol, `${result.code}: ${result.reason}`);
      return result;
    });
  }

  /** Whether some position has a close to top up now (see {@link mayClose} and {@link room}). */
  private anyOpen(): boolean {
    for (const position of this.p.mirror.positionsBySymbol.values()) if (this.mayClose(position.symbol) && this.room(position) !== undefined) return true;
    return false;
  }

  /**
   * Whether `symbol` may get a close now: none refused, and its latest close neither on its way, of unknown outcome, nor
   * declared not placed by a lookup once its outcome was unknown (its answer past its deadline, or lost on the wire with
   * its first lookup failed: the request may still land, and a market close fills as it lands: both would fill), nor
   * showing fills not booked yet (IB sends orderStatus Filled before execDetails: the position is not yet down by them).
   * All of these count as covering. A latest close the venue took and then refused (its REJECTED event) is a refusal too.
   */
  private mayClose(symbol: string): boolean {
    if (this.refused.size !== 0 && this.refused.has(symbol)) return false;
    const id = this.latest.get(symbol);
    if (id === undefined) return true;
    const p = this.p;
    const gateway = p.gateway;
    if (gateway.inFlight.has(id) || gateway.awaitingCheck.has(id)) return false;
    if (gateway.unresolved.declaredNotPlaced(id)) {
      this.sayOnce(symbol, `close on halt: the outcome of the close of the position in ${symbol} (${id}) was unknown and ${p.trading.name} did not know it when asked, but the request may still land: no other close is sent beside it`);
      return false;
    }
    const order = p.mirror.orders.get(id);
    if (order?.status === "REJECTED") {
      this.refuse(symbol, `REJECTED: ${order.rejectReason ?? "rejected by the venue"}`);
      return false;
    }
    if (order !== undefined && showsUnbookedFills(order.filledQuantity, p.bookedFills.booked(id))) return false;
    return true;
  }

  /** Logs `message` once per symbol for the session. */
  private sayOnce(symbol: string, message: string): void {
    if (this.told.has(symbol)) return;
    this.told.add(symbol);
    this.p.runner.log.warn(message);
  }

  /** What a close of `position` may take now: the position less what works against it; undefined when covered. */
  private room(position: Position): number | undefined {
    const p = this.p;
    const working = p.working.quantity(position.symbol, sideAgainst(position), p.cache.lastClose(position.symbol), p.equity());
    return closeRoom(position.quantity, working);
  }

  /** Stops the closes of `symbol` for the session, said once in the log. */
  private refuse(symbol: string, why: string): void {
    if (this.refused.has(symbol)) return;
    this.refused.add(symbol);
    this.p.runner.log.warn(`close on halt: ${this.p.trading.name} refused the close of the position in ${symbol} (${why}): not sent again this session; the position stays open`);
  }
}

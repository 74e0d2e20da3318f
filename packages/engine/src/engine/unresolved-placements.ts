import { type ArgoError, isArgoError, type Order, type OrderRequest, toArgoError } from "@argo/core";
import { isProviderFailure } from "../risk/circuit-breaker.ts";
import { FINISHED_ORDERS_KEPT } from "./account-mirror.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { RecentIds } from "./eviction-ring.ts";
import { landingWindowOf } from "./landing-window.ts";
import { isOrderLike, malformedAnswer, malformedPlacementReport } from "./order-answer.ts";

/** What the unresolved placements need from the order gateway: its lookup, its bookings and the breaker's count. */
export interface SettleChannel {
  /** The venue's order by client id (deadline-bounded); throws its failure, or INVALID_DATA for an answer that is no order. */
  lookUp(id: string): Promise<Order>;
  /** Books an order the venue turned out to hold (placed, or refused if REJECTED). */
  found(id: string, order: Order, request: OrderRequest | undefined): void;
  /** The venue refused it (`refused`) or does not hold it: its id is freed and it stops counting as working. */
  notPlaced(id: string, refused: boolean): void;
  /**
   * A lookup past its deadline did not find it: it stops counting as working, but its id and its journal record stay (the
   * request may still land; only the venue's refusal of it frees them: see cannotLand).
   */
  declaredNotPlaced(id: string): void;
  /**
   * Nothing of the placement can land now (the venue `refused` it after it was declared not placed, or the venue's
   * landing window passed with the venue not holding it): its id and record are freed.
   */
  cannotLand(id: string, refused: boolean): void;
  /** Takes the id of a placement declared not placed again: the venue turned out to hold it after all. */
  reclaim(id: string): void;
  /** The request of a placement still in flight. */
  request(id: string): OrderRequest | undefined;
  /** A venue call failed: counted towards the circuit breaker. */
  failed(error: ArgoError): void;
}

/**
 * Placements whose outcome is unknown (the answer lost past its deadline, the venue may hold the order), with the time
 * that became so. They stay in flight, counted against their position and maxOpenOrders, until an event, their late
 * answer or a later lookup settles them: a close sized without one could flip the position once it lands.
 */
export class UnresolvedPlacements {
  private readonly since = new Map<string, number>();
  /** Placements past their deadline being looked up, with the late answer if it came meanwhile (the gateway settles it). */
  private readonly lookingUp = new Map<string, PromiseSettledResult<Order> | undefined>();
  /**
   * Placements a due lookup declared not placed (the venue did not know them), until the venue shows them after all: a
   * request stuck in a queue may still land, and its answer or event then comes. Bounded like the finished orders: most
   * such placements never land, and one that does lands soon.
   */
  private readonly declared = new RecentIds(FINISHED_ORDERS_KEPT);
  /**
   * The venue's landing window (TradingProvider.landingWindowMs, checked), undefined when it declares none. With one, a
   * placement the venue does not hold is not declared not placed: it stays unresolved (working, its id taken, asked again
   * at each bar) until the window has passed since its outcome became unknown, which is no earlier than its sending (a
   * provider may say so at once: a failure marked `outcome: "unknown"`), so it ends no sooner than the venue's.
   */
  private readonly landingWindowMs: number | undefined;
  /**
   * Placements a reconnect's resync found of unknown outcome once their answers were in (see resyncAfterReconnect): the
   * venue may have refused or filled them in the gap, whose events are lost, so their late answer (made as the venue took
   * them) or an event replayed from before may be older news. Booked working from either, each is asked about
   * (OrderGateway.refresh); a due lookup's own answer is that asking. Each leaves as it is settled: this holds no more
   * than the placements unresolved.
   */
  private readonly askWhenSettled = new Set<string>();

  constructor(
    private readonly p: BarPipeline,
    private readonly channel: SettleChannel,
    private readonly callTimeoutMs: number,
  ) {
    this.landingWindowMs = landingWindowOf(p.trading);
  }

  /** Number of placements whose outcome is unknown. */
  get size(): number {
    return this.since.size;
  }

  /** Marks a placement's outcome unknown from now on. */
  add(id: string): void {
    this.since.set(id, Date.now());
  }

  /** Whether a due lookup declared `id` not placed and the venue has shown nothing of it since: it may still land. */
  declaredNotPlaced(id: string): boolean {
    return this.declared.size !== 0 && this.declared.has(id);
  }

  /** Asks about `id` once its outcome is settled, if it is unresolved now and then shown working (see askWhenSettled). */
  askOnceSettled(id: string): void {
    if (this.since.has(id)) this.askWhenSettled.add(id);
  }

  /**
   * After an event or its late answer settled `id`: asked about now when a resync wants it (see askWhenSettled) and it
   * is shown working; forgotten either way. Nothing while it is unresolved, nor after the run (the journal is closed).
   */
  settled(id: string): void {
    if (this.askWhenSettled.size === 0 || this.since.has(id) || !this.askWhenSettled.delete(id)) return;
    const p = this.p;
    if (!p.finished && p.mirror.openOrdersById.has(id)) void p.gateway.refresh([id]);
  }

  /** Settles a placement by other means (an event showed it); whether it was unresolved. */
  delete(id: string): boolean {
    return this.since.size !== 0 && this.since.delete(id);
  }

  /**
   * Whether `order` was declared not placed and the venue now shows it (its answer or an event) working or done after
   * all: then its id is taken again, for good, and a warning says so. True once: the caller books the order as placed.
   * Shown REJECTED, it was declared rightly: only forgotten.
   */
  cameBack(order: Order): boolean {
    const id = order.clientOrderId;
    if (this.declared.size === 0 || !this.declared.has(id)) return false;
    this.declared.delete(id);
    if (order.status === "REJECTED") return false;
    this.channel.reclaim(id);
    this.p.runner.log.warn(`order ${id} reached ${this.p.trading.name} after all (it was declared not placed when the venue did not know it): booked as placed now`);
    return true;
  }

  /** A placement past its deadline whose first lookup is starting: its late answer is kept for {@link lookupEnded}. */
  lookupStarted(id: string): void {
    this.lookingUp.set(id, undefined);
  }

  /** The first lookup is over: the late answer that came meanwhile, if any. */
  lookupEnded(id: string): PromiseSettledResult<Order> | undefined {
    const late = this.lookingUp.get(id);
    this.lookingUp.delete(id);
    return late;
  }

  /**
   * The answer to a placement that came after its deadline (the strategy was told it failed with an unknown outcome, and
   * its id stayed taken): an order the venue took is booked and reported placed after all; a refusal frees the id.
   */
  lateAnswer(id: string, late: PromiseSettledResult<Order>): void {
    this.applyLate(id, late);
    this.settled(id);
  }

  /** Books a late answer (see {@link lateAnswer}). */
  private applyLate(id: string, late: PromiseSettledResult<Order>): void {
    const p = this.p;
    // After the run the journal is closed; its PENDING record makes the next start ask the venue about the order.
    if (p.finished) return;
    // An answer that is no order says nothing of the order's fate (it is left to the lookups), but it is the venue
    // breaking its contract: reported, once (each placement has one answer).
    if (late.status === "fulfilled" && !isOrderLike(late.value)) {
      p.reportError(malformedPlacementReport(malformedAnswer(p.trading.name, "placement", late.value), id, "after its deadline"));
    }
    if (this.lookingUp.has(id)) {
      // Its lookup is still running: the answer is kept for the gateway, which books the order or the refusal once.
      if (late.status === "rejected" || isOrderLike(late.value)) this.lookingUp.set(id, late);
      return;
    }
    // Only a placement still unresolved is settled here: one the lookup found was booked already.
    const unresolved = this.delete(id);
    if (late.status === "fulfilled") {
      const order = late.value;
      if (!isOrderLike(order)) {
        if (unresolved) this.add(id); // says nothing of its fate: a later lookup asks
        return;
      }
      if (unresolved) {
        this.channel.found(id, order, this.channel.request(id));
        return;
      }
      if (!this.bookIfCameBack(order)) noteNews(p, order);
      return;
    }
    const failure = isProviderFailure(toArgoError(late.reason, "INTERNAL", p.trading.name));
    if (!unresolved) {
      // Refused after a lookup declared it not placed: declared rightly, and nothing of it can come back now: the venue's
      // refusal settles it, so its id is free again.
      if (!failure && this.declared.size !== 0 && this.declared.has(id)) {
        this.declared.delete(id);
        this.channel.cannotLand(id, true);
      }
      return;
    }
    if (failure) {
      this.add(id); // still unknown: a later lookup asks
      return;
    }
    this.channel.notPlaced(id, true);
  }

  /**
   * Asks the venue again about each placement whose outcome stayed unknown for at least a call deadline (so a request
   * still on its way when the first lookup ran has had time to land): found, it is booked placed (or refused) after
   * all; not found, it has not reached the venue (yet): it stops counting as working, but its id stays taken (the request
   * may still land, see {@link cameBack}); with a venue's landing window, it stays unresolved until a lookup sent after
   * the window has passed does not find it, and is then freed for good; unknowable, it waits for the next bar. Without
   * this, a close whose answer was lost would block every later close of its position.
   */
  async lookUpDue(): Promise<void> {
    const p = this.p;
    for (const [id, since] of Array.from(this.since)) {
      if (Date.now() - since < this.callTimeoutMs || this.lookingUp.has(id)) continue;
      let order: Order;
      // When the lookup left: the venue read its book then, and a request may land while the answer is on its way back.
      const askedAt = Date.now();
      try {
        order = await this.channel.lookUp(id);
      } catch (error) {
        if (!this.since.has(id)) continue; // settled meanwhile, by an event or its late answer
        if (isArgoError(error, "ORDER_NOT_FOUND")) {
          const window = this.landingWindowMs;
          // Asked within the venue's landing window, not held yet proves nothing: it stays unresolved, asked at the next bar.
          if (window !== undefined && askedAt < since + window) continue;
          this.since.delete(id);
          if (this.askWhenSettled.size !== 0) this.askWhenSettled.delete(id); // not at the venue now: what it does later is news
          if (window !== undefined) {
            // Past it, the request can no longer take effect: never placed, its id and journal record free.
            this.channel.cannotLand(id, false);
            p.runner.log.warn(`order ${id}: ${p.trading.name} does not hold it and its landing window (${window} ms) has passed since its outcome became unknown: it was not placed, and its id is free`);
            continue;
          }
          this.channel.declaredNotPlaced(id);
          this.declared.add(id);
          p.runner.log.warn(`order ${id}: ${p.trading.name} does not hold it ${Date.now() - since} ms after its outcome became unknown: it was not placed`);
        } else {
          // A malformed answer is reported here; a provider failure by the channel. Either way it stays unresolved.
          const argo = toArgoError(error, "INTERNAL", p.trading.name);
          if (!isProviderFailure(argo)) p.reportError(argo);
          this.channel.failed(argo);
        }
        continue;
      }
      if (this.since.delete(id)) {
        // This lookup, made after the link came back, is the asking a resync wanted (see askWhenSettled).
        if (this.askWhenSettled.size !== 0) this.askWhenSettled.delete(id);
        this.channel.found(id, order, this.channel.request(id));
      }
      // Settled while the lookup was on its way (its late answer, an event): booked placed already, but the lookup may be
      // the fresher news (fills the answer, made when the venue took the order, did not have), as a late answer is taken.
      else if (p.mirror.orders.has(id)) noteNews(p, order);
      // Or declared not placed meanwhile by another run's lookup (a bar's and the halt's overlap): it landed in between.
      else this.bookIfCameBack(order);
    }
  }

  /**
   * Books an order declared not placed that the venue shows after all (see {@link cameBack}) as found: counted, placed,
   * its fills booked. The strategy was told the order failed, and a venue that reports only through its answers sends no
   * event, so this is its news of it. False when the order was not declared so.
   */
  private bookIfCameBack(order: Order): boolean {
    if (!this.cameBack(order)) return false;
    this.channel.found(order.clientOrderId, order, undefined);
    // Told already when found applied a final state as the order's event (OrderGateway.tellsFinal): not twice.
    if (this.p.mirror.repeatsState(order)) return true;
    if (this.p.runner.wantsUpdates) this.p.runner.updates.push(order);
    // Told as its event would be: the venue's own event of this state, often just behind the answer, is then a repeat.
    this.p.mirror.stateTold(order);
    return true;
  }

  /**
   * Waits until every unresolved placement is due (see {@link lookUpDue}), then asks about each. For the closes on halt:
   * sized beside a placement that was in fact refused, or already cancelled by the halt's cancel-all, a close would
   * leave part of the position open. What the venue still cannot tell stays unresolved and keeps limiting the close.
   */
  async lookUpAll(): Promise<void> {
    if (this.since.size === 0) return;
    const latest = Math.max(...this.since.values());
    const wait = latest + this.callTimeoutMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.lookUpDue();
  }
}

/**
 * Records a venue's word on an order already booked (the mirror keeps only newer states; noteFill skips booked fills). A
 * network venue's final state is applied as the order's event, so the strategy hears it once (OrderGateway.tellsFinal).
 */
function noteNews(p: BarPipeline, order: Order): void {
  if (p.gateway.tellsFinal(order)) {
    p.heardOrder(order);
    return;
  }
  p.noteOrder(order);
  p.noteListedFills(order);
}

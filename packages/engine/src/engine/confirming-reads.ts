import { type Account, accountProblem, ArgoError, type Position, positionProblem, toArgoError } from "@argo/core";
import { isProviderFailure } from "../risk/circuit-breaker.ts";
import type { BarPipeline } from "./bar-pipeline.ts";

/** What the reads need from the order gateway: its tracked, deadline-bounded venue calls and the circuit breaker's count. */
export interface ReadChannel {
  /** Keeps the read's promise until the engine's settle() has seen it. */
  track<T>(promise: Promise<T>): Promise<T>;
  /** A venue call bounded by the call deadline. */
  call<T>(fn: () => Promise<T>, what: string): Promise<T>;
  /** The venue answered: the circuit breaker's count of consecutive failures starts again. */
  succeeded(): void;
  /** The venue failed: counted towards the circuit breaker. */
  failed(error: ArgoError): void;
}

/** A venue read that confirms what fills changed (see ConfirmingReads.position): how to read, check, count and apply. */
interface ConfirmingRead {
  /** Names the read in errors, e.g. "position read of X". */
  what: string;
  read: () => Promise<unknown>;
  /** Why an answer is not usable, or undefined. */
  problem: (answer: unknown) => string | undefined;
  /** The fills noted so far that the answer must hold. */
  fills: () => number;
  /** Whether an event confirmed it while the read was on its way. */
  confirmedMeanwhile: () => boolean;
  apply: (answer: unknown) => void;
}

/**
 * Reads of the venue's position and account after fills it has not followed with their events yet (a venue across a
 * network; see AccountMirror.positionConfirmed): what a close is sized against and the risk limits judge must hold them.
 */
export class ConfirmingReads {
  constructor(
    private readonly p: BarPipeline,
    private readonly channel: ReadChannel,
  ) {}

  /**
   * Reads the position of `symbol` from the venue, so that a close is not sized against the position before a fill: a
   * long closed and filled, then closed again before the venue's position event, would be sold twice. The answer
   * replaces the mirror's position. Resolves with why it could not be read (reported through onError), or undefined once confirmed.
   */
  position(symbol: string): Promise<ArgoError | undefined> {
    const mirror = this.p.mirror;
    return this.channel.track(this.confirmed({
      what: `position read of ${symbol}`,
      read: () => this.p.trading.getPosition(symbol),
      problem: (answer) => positionProblem(answer, symbol),
      fills: () => mirror.fillsNoted(symbol),
      confirmedMeanwhile: () => mirror.positionConfirmed(symbol),
      apply: (answer) => mirror.applyPosition(symbol, (answer ?? undefined) as Position | undefined),
    }));
  }

  /**
   * Reads the account from the venue: the balance before a buy's fill beside the long it bought counts the money twice,
   * a false peak the next account event turns into a false drawdown. Resolves as position() does.
   */
  account(): Promise<ArgoError | undefined> {
    const mirror = this.p.mirror;
    return this.channel.track(this.confirmed({
      what: "account read",
      read: () => this.p.trading.getAccount(),
      problem: accountProblem,
      fills: () => mirror.fillsNoted(),
      confirmedMeanwhile: () => mirror.accountConfirmed,
      apply: (answer) => mirror.applyAccount(answer as Account),
    }));
  }

  /**
   * Confirms every unconfirmed position, one read at a time; resolves with the symbols the venue could not say. Listed
   * again after each read: a fill of another symbol noted while a read was on its way leaves that one unconfirmed too,
   * and a close sized from its position before the read would take it past flat (a halt's top-up did).
   */
  async positions(): Promise<Set<string>> {
    const unknown = new Set<string>();
    for (let next = this.nextUnconfirmed(unknown); next !== undefined; next = this.nextUnconfirmed(unknown)) {
      if ((await this.position(next)) !== undefined) unknown.add(next);
    }
    return unknown;
  }

  /** The first symbol the mirror holds unconfirmed that is not in `skip` (those the venue could not say). */
  private nextUnconfirmed(skip: ReadonlySet<string>): string | undefined {
    return this.p.mirror.unconfirmedSymbols().find((symbol) => !skip.has(symbol));
  }

  /** One venue read confirming what the fills noted so far changed; see position(). */
  private async confirmed(r: ConfirmingRead): Promise<ArgoError | undefined> {
    const name = this.p.trading.name;
    for (let read = 1; ; read++) {
      const fills = r.fills();
      const answer = await this.read(r);
      if (answer instanceof ArgoError) return answer;
      // An event confirmed it meanwhile: that event came after this answer was sent, so it is the newer.
      if (r.confirmedMeanwhile()) return undefined;
      // The venue may have answered before booking a fill noted while the read was on its way: read again, once.
      if (r.fills() === fills) {
        r.apply(answer.value);
        return undefined;
      }
      if (read === 2) {
        const error = new ArgoError("INVALID_DATA", `${name}: fills came in during both tries of the ${r.what}, so neither answer can be trusted to hold them`, { provider: name });
        this.p.reportError(error);
        return error;
      }
    }
  }

  /** The venue's answer to a read, or why it could not be read (a malformed answer is reported here). */
  private read(r: ConfirmingRead): Promise<{ value: unknown } | ArgoError> {
    const p = this.p;
    return this.channel.call(r.read, r.what).then(
      (value: unknown) => {
        const problem = r.problem(value);
        if (problem !== undefined) {
          const error = new ArgoError("INVALID_DATA", `${p.trading.name} answered the ${r.what} with one that ${problem}`, { provider: p.trading.name });
          p.reportError(error);
          return error;
        }
        this.channel.succeeded();
        return { value };
      },
      (error: unknown) => {
        const argo = toArgoError(error, "INTERNAL", p.trading.name);
        if (!isProviderFailure(argo)) p.reportError(argo);
        this.channel.failed(argo);
        return argo;
      },
    );
  }
}

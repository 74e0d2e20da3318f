import { ArgoError, type Bar, type Fill, type Order, type OrderRequest, type ErrorCode, toArgoError } from "@argo/core";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { isPromiseLike } from "./is-promise-like.ts";

/** An order the engine did not send, or the venue refused; `source` says who refused it. */
export interface OrderRejection {
  request: OrderRequest;
  code: ErrorCode;
  reason: string;
  source: "risk" | "engine" | "venue";
}

/**
 * What the engine reports while it runs (seed 003 plus order updates, rejections and trading state).
 * Callbacks may be sync or async; a callback that throws or rejects is reported through `onError`
 * and never stops the engine. Only `onEngineStart` and `onEngineStop` are awaited.
 */
export interface EngineCallbacks {
  /** After providers are connected, the cache warmed and the strategy initialised. `previousDataPath` is the session journal file (undefined without a session directory). */
  onEngineStart?(symbols: readonly string[], interval: string, previousDataPath: string | undefined): void | Promise<void>;
  /** Always called once at the end, with the fatal error if the run failed. */
  onEngineStop?(error: ArgoError | undefined): void | Promise<void>;
  /** Every bar, after the venue has seen it and before the strategy does. */
  onMarketData?(bar: Bar): void | Promise<void>;
  /** Once per order the venue accepted. */
  onOrderPlaced?(order: Order): void | Promise<void>;
  /** Once per fill. */
  onOrderFilled?(fill: Fill, order: Order): void | Promise<void>;
  /** Every order status change the venue reports. */
  onOrderUpdate?(order: Order): void | Promise<void>;
  /** An order refused by risk, the trading state, the engine's own checks or the venue. */
  onOrderRejected?(rejection: OrderRejection): void | Promise<void>;
  onTradingStateChange?(change: TradingStateChange): void | Promise<void>;
  /** Non-fatal errors: stream errors, provider errors, callback failures, journal failures. */
  onError?(error: ArgoError): void | Promise<void>;
  /** The strategy threw (or rejected); the engine goes on with the next bar. */
  onStrategyError?(error: ArgoError, bar: Bar | undefined): void | Promise<void>;
}

type Args<F> = F extends (...args: infer A) => unknown ? A : never;

/** Calls user callbacks so that none can break the engine: throws and rejections go to onError. */
export class CallbackGuard {
  constructor(private readonly callbacks: EngineCallbacks) {}

  /** Calls a callback if set; returns its promise for the two that are awaited. */
  call<K extends keyof EngineCallbacks>(name: K, ...args: Args<NonNullable<EngineCallbacks[K]>>): PromiseLike<unknown> | undefined {
    const fn = this.callbacks[name] as ((...a: unknown[]) => unknown) | undefined;
    if (fn === undefined) return undefined;
    let result: unknown;
    try {
      result = fn.apply(this.callbacks, args);
    } catch (error) {
      this.failed(name, error);
      return undefined;
    }
    return isPromiseLike(result) ? result.then(undefined, (error: unknown) => this.failed(name, error)) : undefined;
  }

  /** Reports a non-fatal error; an onError that fails itself is written to stderr as a last resort. */
  error(error: unknown): void {
    const fn = this.callbacks.onError;
    if (fn === undefined) return;
    const argo = toArgoError(error);
    try {
      const result = fn.call(this.callbacks, argo) as unknown;
      if (isPromiseLike(result)) result.then(undefined, lastResort);
    } catch (failure) {
      lastResort(failure);
    }
  }

  /** onMarketData without the rest-argument array of `call`: it runs on every bar. */
  marketData(bar: Bar): void {
    const fn = this.callbacks.onMarketData;
    if (fn === undefined) return;
    try {
      const result = fn.call(this.callbacks, bar) as unknown;
      if (isPromiseLike(result)) result.then(undefined, (error: unknown) => this.failed("onMarketData", error));
    } catch (error) {
      this.failed("onMarketData", error);
    }
  }

  private failed(name: string, error: unknown): void {
    if (name === "onError") return lastResort(error);
    const message = error instanceof Error ? error.message : String(error);
    this.error(new ArgoError("INTERNAL", `callback ${name} failed: ${message}`, { cause: error }));
  }
}

function lastResort(error: unknown): void {
  console.error("argo engine: onError callback failed:", error instanceof Error ? error.message : error);
}

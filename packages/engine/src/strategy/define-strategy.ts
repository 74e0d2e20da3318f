import type { Bar, ConfigSchema, Order } from "@argo/core";
import type * as v from "valibot";
import type { StrategyContext } from "./strategy-context.ts";

/** Marks strategy definitions across duplicate copies of the engine (where `instanceof` would fail). */
export const STRATEGY_BRAND = Symbol.for("argo.strategy");

/** A value or a promise of it: strategy callbacks may be sync or async. */
export type MaybePromise<T> = T | Promise<T>;

/** A trading strategy: its name, description, config schema and callbacks. */
export interface StrategyDefinition<S extends ConfigSchema = ConfigSchema> {
  /** Unique, kebab-case is customary ("sma-cross"). */
  readonly name: string;
  readonly description: string;
  /** Valibot schema of the strategy's config; validated before the run, every bad field named. */
  readonly config: S;
  /** Runs once before the first bar, after the cache is warmed; a throw aborts the run (STRATEGY_INIT_FAILED). */
  init?(ctx: StrategyContext<v.InferOutput<S>>): MaybePromise<void>;
  /** Runs for every bar, after the venue has seen it; a throw is reported (onStrategyError) and the next bar comes. */
  onBar(bar: Bar, ctx: StrategyContext<v.InferOutput<S>>): MaybePromise<void>;
  /** Runs when one of the strategy's orders changes (placed, filled, cancelled, rejected…); `order` is a frozen copy. */
  onOrderUpdate?(order: Order, ctx: StrategyContext<v.InferOutput<S>>): MaybePromise<void>;
  /** Runs once when the engine stops. */
  onStop?(ctx: StrategyContext<v.InferOutput<S>>): MaybePromise<void>;
}

/** A strategy as the engine holds it, whatever its config type. */
export type AnyStrategy = StrategyDefinition<ConfigSchema>;

/** Declares a strategy (the default export of a strategy module); keeps the config type for the callbacks. */
export function defineStrategy<S extends ConfigSchema>(definition: StrategyDefinition<S>): StrategyDefinition<S> {
  Object.defineProperty(definition, STRATEGY_BRAND, { value: true, enumerable: false });
  return definition;
}

/** True for something that can run as a strategy: made by defineStrategy, or shaped like one. */
export function isStrategyDefinition(value: unknown): value is AnyStrategy {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<AnyStrategy> & { [STRATEGY_BRAND]?: unknown };
  if (candidate[STRATEGY_BRAND] === true) return true;
  return typeof candidate.name === "string" && typeof candidate.onBar === "function" && typeof candidate.config === "object";
}

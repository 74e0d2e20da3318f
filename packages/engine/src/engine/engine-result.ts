import type { Account, Bar, Order, Position } from "@argo/core";
import type { TradingState } from "../risk/trading-state.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";
import type { EngineCounters } from "./engine-counters.ts";

/** How a run ended (a fatal failure rejects `run` instead, after onEngineStop). */
export interface EngineRunResult {
  status: "completed" | "aborted";
  /** The abort signal's reason when aborted. */
  abortReason?: unknown;
  mode: EngineMode;
  counters: EngineCounters;
  tradingState: TradingState;
  /** The mirror's final view of the account, positions and open orders. */
  account: Account;
  positions: Position[];
  openOrders: Order[];
  /** Equity marked at the last closes. */
  equity: number;
  journalPath?: string;
  startedAt: number;
  endedAt: number;
}

/** A snapshot of a running (or finished) engine for status displays. */
export interface EngineStatus {
  running: boolean;
  mode: EngineMode | undefined;
  symbols: readonly string[];
  interval: string;
  tradingState: TradingState;
  counters: EngineCounters;
  /** Newest bar processed. */
  lastBar: Bar | undefined;
  account: Account | undefined;
  positions: readonly Position[];
  openOrders: readonly Order[];
}

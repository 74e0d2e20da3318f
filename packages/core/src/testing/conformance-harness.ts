import type { TradingProvider } from "../contracts/trading-provider.ts";

/** A provider under test and the means to move its market. */
export interface ConformanceHarness {
  provider: TradingProvider;
  /**
   * Makes `price` the next price the venue trades `symbol` at (a simulator gets a bar, a fake venue
   * a new quote). Orders already placed and arrived must be able to fill at it: a venue with simulated
   * latency should let that latency pass here (or be created with none).
   */
  setPrice(symbol: string, price: number): Promise<void>;
  /** Stops fake servers and frees what the harness made. */
  cleanup?(): Promise<void>;
}

/** What the conformance suite needs to know about the venue under test. */
export interface TradingConformanceOptions {
  /** Shown in test names. */
  name: string;
  /** A symbol the venue trades. */
  symbol: string;
  /** A price for `symbol` around which the suite trades. */
  price: number;
  /** A small valid order quantity the account can afford several times over. */
  quantity: number;
  /** A symbol the venue does not know; default "NOSUCHSYMBOL". */
  unknownSymbol?: string;
  /** The venue's lot step for `symbol`; sizes the suite computes are rounded down to it (default: none). */
  quantityStep?: number;
  /** Relative tolerance of money comparisons; default 1e-9. */
  tolerance?: number;
  /** A fresh provider (not yet connected) with a funded account holding no positions, for each test. */
  create(): Promise<ConformanceHarness>;
}

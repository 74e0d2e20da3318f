/**
 * The increments a venue trades one symbol in, as far as it says them; an absent field is one it does not say (or does
 * not enforce). Positive numbers.
 */
export interface SymbolIncrements {
  /** Quantity step: an order's quantity is a whole number of it (Binance exchangeInfo LOT_SIZE.stepSize, IB's size increment). */
  stepSize?: number;
  /** Price step: limit and stop prices are whole multiples of it (Binance exchangeInfo PRICE_FILTER.tickSize, IB's minTick). */
  tickSize?: number;
}

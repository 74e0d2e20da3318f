/** The requested symbols without repeats, first occurrence kept: one stream per symbol, order preserved for ties. */
export function uniqueSymbols(symbols: readonly string[]): string[] {
  return [...new Set(symbols)];
}

/**
 * Keys of per-symbol risk limits (`risk.symbols`) naming a symbol the session does not trade: almost always a typo
 * (BTCUSDT for BTCUSD), and a limit that silently never applies. One rule for the engine's settings and `argo validate`.
 */
export function untradedRiskSymbols(symbols: readonly string[], limits: unknown): string[] {
  // An array is no mapping of limits: the schema says so; its indexes are no symbols.
  if (typeof limits !== "object" || limits === null || Array.isArray(limits)) return [];
  const traded = new Set(symbols);
  return Object.keys(limits).filter((symbol) => !traded.has(symbol));
}

/** What is said of each key {@link untradedRiskSymbols} finds. */
export function untradedRiskSymbolMessage(symbols: readonly string[]): string {
  return `not one of engine.symbols (${symbols.join(", ")}); a limit for it would never apply`;
}

/** What the live-venue test fixtures declare: the paper simulator's market and limit orders behind them. */
export const LIVE_FIXTURE_CAPABILITIES = {
  orderTypes: { MARKET: "supported", LIMIT: "supported", STOP: "absent", STOP_LIMIT: "absent" },
  timeInForce: { GTC: "supported" },
  assetClasses: { crypto: "supported" },
  features: { equitySizing: "supported", shortSelling: "supported" },
} as const;

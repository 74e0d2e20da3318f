import { defineProvider } from "@argo/core";
import { checkPaperSession } from "./config/check-paper-session.ts";
import { paperConfigSchema } from "./config/paper-config-schema.ts";
import { PaperVenue } from "./venue/paper-venue.ts";

/** The registry entry of the `paper` trading provider. */
export const paperProviderDefinition = defineProvider({
  name: "paper",
  displayName: "Paper venue",
  description:
    "A local venue simulator driven by the engine's bars and clock: commission, slippage, latency, partial fills, shorting and venue rules, no network.",
  isPaperTrading: true,
  kind: "trading",
  configSchema: paperConfigSchema,
  capabilities: {
    orderTypes: { MARKET: "supported", LIMIT: "supported", STOP: "supported", STOP_LIMIT: "supported" },
    timeInForce: { GTC: "supported", IOC: "supported", FOK: "supported", DAY: "supported" },
    assetClasses: { crypto: "supported", equity: "supported", forex: "supported", future: "emulated", index: "emulated" },
    features: {
      bracketOrders: "supported",
      quoteOrderQuantity: "supported",
      equitySizing: "supported",
      shortSelling: "supported",
      partialFills: "supported",
      cancelAll: "supported",
      batchOrders: "supported",
    },
  },
  packageName: "@argo/provider-paper",
  create: (config) => new PaperVenue(config),
  checkSession: checkPaperSession,
});

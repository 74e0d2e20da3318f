import { defineProvider } from "@argo/core";
import { PACKAGE_NAME } from "../package-name.ts";
import { simulatedConfigSchema } from "./simulated-config.ts";
import { SimulatedProvider } from "./simulated-provider.ts";

/** The "simulated" market data provider: a seeded price generator for tests, demos and benchmarks. */
export const simulatedProviderDefinition = defineProvider({
  name: "simulated",
  displayName: "Simulated",
  description: "Generates reproducible bars from a seed: increasing, decreasing, volatile or random-walk prices, with optional pacing and error injection.",
  isPaperTrading: true,
  kind: "market-data",
  configSchema: simulatedConfigSchema,
  capabilities: {
    assetClasses: { crypto: "supported", equity: "supported", forex: "supported", future: "supported", option: "supported", index: "supported" },
    features: { streaming: "emulated", history: "supported" },
  },
  packageName: PACKAGE_NAME,
  create(config) {
    return new SimulatedProvider(config);
  },
});

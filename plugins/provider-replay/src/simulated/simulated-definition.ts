import type { ProviderDefinition } from "@argo/core";
import { OFFLINE_DATA_CAPABILITIES, PACKAGE_NAME } from "../package-info.ts";
import { checkSimulatedSession, type SimulatedConfig, simulatedConfigSchema } from "./simulated-config.ts";
import { SimulatedProvider } from "./simulated-provider.ts";

/** The "simulated" market data provider: a seeded price generator for tests, demos and benchmarks. */
export const simulatedProviderDefinition = {
  name: "simulated",
  displayName: "Simulated",
  description: "Generates reproducible bars from a seed: increasing, decreasing, volatile or random-walk prices, with optional pacing and error injection.",
  isPaperTrading: true,
  kind: "market-data",
  configSchema: simulatedConfigSchema,
  capabilities: OFFLINE_DATA_CAPABILITIES,
  packageName: PACKAGE_NAME,
  // The single construction path; createSimulatedProvider goes through it too.
  create(config: SimulatedConfig): SimulatedProvider {
    return new SimulatedProvider(config);
  },
  checkSession: checkSimulatedSession,
} satisfies ProviderDefinition<"market-data", typeof simulatedConfigSchema>;

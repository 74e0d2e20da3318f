import { parseConfig } from "@argo/core";
import { type SimulatedConfigInput, simulatedConfigSchema } from "./simulated-config.ts";
import { simulatedProviderDefinition } from "./simulated-definition.ts";
import type { SimulatedProvider } from "./simulated-provider.ts";

/** Validates a simulated config (INVALID_CONFIGURATION naming the field) and creates the provider without the registry. */
export function createSimulatedProvider(config: SimulatedConfigInput = {}): SimulatedProvider {
  return simulatedProviderDefinition.create(parseConfig(simulatedConfigSchema, config, { label: "simulated config", provider: "simulated" }));
}

import { parseConfig } from "@argo/core";
import { type ReplayConfigInput, replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";
import type { ReplayProvider } from "./replay-provider.ts";

/** Validates a replay config (INVALID_CONFIGURATION naming the field) and creates the provider without the registry. */
export async function createReplayProvider(config: ReplayConfigInput): Promise<ReplayProvider> {
  return replayProviderDefinition.create(parseConfig(replayConfigSchema, config, { label: "replay config", provider: "replay" }));
}

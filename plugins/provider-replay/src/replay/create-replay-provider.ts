import { parseConfig } from "@argo/core";
import { type ReplayConfigInput, replayConfigSchema } from "./replay-config.ts";
import { resolveReplayFiles } from "./replay-file.ts";
import { ReplayProvider } from "./replay-provider.ts";

/** Validates a replay config (INVALID_CONFIGURATION naming the field) and creates the provider without the registry. */
export async function createReplayProvider(config: ReplayConfigInput): Promise<ReplayProvider> {
  const parsed = parseConfig(replayConfigSchema, config, { label: "replay config", provider: "replay" });
  return new ReplayProvider(await resolveReplayFiles(parsed), parsed.speed);
}

import type { ProviderDefinition } from "@argo/core";
import { OFFLINE_DATA_CAPABILITIES, PACKAGE_NAME } from "../package-info.ts";
import { checkReplaySession } from "./check-replay-session.ts";
import { type ReplayConfig, replayConfigSchema } from "./replay-config.ts";
import { resolveReplayFiles } from "./replay-file.ts";
import { ReplayProvider } from "./replay-provider.ts";

/** The "replay" market data provider: bars from CSV or JSON-lines files. */
export const replayProviderDefinition = {
  name: "replay",
  displayName: "Replay",
  description: "Replays bars from CSV or JSON-lines files, several symbols merged in time order, as fast as possible or paced.",
  isPaperTrading: true,
  kind: "market-data",
  configSchema: replayConfigSchema,
  capabilities: OFFLINE_DATA_CAPABILITIES,
  packageName: PACKAGE_NAME,
  // The single construction path; createReplayProvider goes through it too.
  async create(config: ReplayConfig): Promise<ReplayProvider> {
    return new ReplayProvider(await resolveReplayFiles(config), config.speed);
  },
  checkSession: checkReplaySession,
} satisfies ProviderDefinition<"market-data", typeof replayConfigSchema>;

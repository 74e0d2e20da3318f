import { parseConfig } from "@argo/core";
import { type PaperConfigInput, paperConfigSchema } from "./config/paper-config-schema.ts";
import { PaperVenue } from "./venue/paper-venue.ts";

/** Creates a paper venue directly (without the registry); the config is validated, INVALID_CONFIGURATION naming each bad field. */
export function createPaperVenue(config: PaperConfigInput = {}): PaperVenue {
  return new PaperVenue(parseConfig(paperConfigSchema, config, { label: "paper config", provider: "paper" }));
}

import "./register.ts";

export { paperProviderDefinition } from "./definition.ts";
export { createPaperVenue } from "./create-paper-venue.ts";
export { PaperVenue } from "./venue/paper-venue.ts";
export { paperConfigSchema, type PaperConfig, type PaperConfigInput } from "./config/paper-config-schema.ts";
export { slippageSchema, type SlippageConfig } from "./config/slippage-schema.ts";
export { symbolRulesSchema, type SymbolRulesConfig } from "./config/symbol-rules-schema.ts";

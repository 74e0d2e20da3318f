import { defineProvider, registerProvider } from "@argo/core";
import { exampleConfigSchema } from "./example-config.ts";
import { ExampleVenue } from "./example-venue.ts";

/** The example provider's definition: what the registry lists and how it creates a venue. */
export const exampleProvider = defineProvider({
  name: "example",
  displayName: "Example Venue",
  description: "A minimal in-memory venue showing how to write an Argo provider plugin",
  isPaperTrading: true,
  kind: "trading",
  configSchema: exampleConfigSchema,
  capabilities: {
    orderTypes: { MARKET: "supported", LIMIT: "supported", STOP: "absent", STOP_LIMIT: "absent" },
    timeInForce: { GTC: "supported" },
    assetClasses: { crypto: "supported" },
    features: { cancelAll: "supported", batchOrders: "emulated", shortSelling: "absent" },
  },
  packageName: "argo-provider-example",
  create: (config) => new ExampleVenue(config),
});

// Importing the package registers the provider: this is what `plugins:` in an Argo config relies on.
registerProvider(exampleProvider);

export { ExampleVenue } from "./example-venue.ts";
export { exampleConfigSchema, type ExampleConfig } from "./example-config.ts";

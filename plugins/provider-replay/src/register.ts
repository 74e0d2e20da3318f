import { registerProvider } from "@argo/core";
import { replayProviderDefinition } from "./replay/replay-definition.ts";
import { simulatedProviderDefinition } from "./simulated/simulated-definition.ts";

// Importing the package is how a runner makes these providers available by name.
registerProvider(replayProviderDefinition);
registerProvider(simulatedProviderDefinition);

import { registerProvider } from "@argo/core";
import { paperProviderDefinition } from "./definition.ts";

// Importing the package registers "paper"; registering again (a second import or copy) is harmless.
registerProvider(paperProviderDefinition);

import type { Capabilities } from "@argo/core";

/** The package that registers these providers; the registry tells a re-import from a name clash by it. */
export const PACKAGE_NAME = "@argo/provider-replay";

/** What both offline sources offer: any asset class (the data decides), history, and a stream emulated over it. */
export const OFFLINE_DATA_CAPABILITIES: Capabilities = {
  assetClasses: { crypto: "supported", equity: "supported", forex: "supported", future: "supported", option: "supported", index: "supported" },
  features: { streaming: "emulated", history: "supported" },
};

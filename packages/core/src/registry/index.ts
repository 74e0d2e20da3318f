export { registerProvider, unregisterProvider } from "./register-provider.ts";
export { listProviders, getProviderDefinition, getProviderInfo, providerInfo } from "./lookup.ts";
export {
  providerConfigJsonSchema,
  validateProviderConfig,
  parseProviderConfig,
  redactProviderConfig,
  createProvider,
  createProviderFromParsed,
} from "./provider-config.ts";
export { registryState, REGISTRY_KEY, type RegistryState } from "./registry-state.ts";

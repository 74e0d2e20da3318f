import { ArgoError } from "../errors/argo-error.ts";
import type { ProviderDefinition, ProviderInfo, ProviderKind } from "../contracts/provider-definition.ts";
import { registrationsElsewhere } from "./registration-ledger.ts";
import { CORE_LINE, registryState } from "./registry-state.ts";

/** Every registered provider's info, optionally of one kind, sorted by name. */
export function listProviders(kind?: ProviderKind): ProviderInfo[] {
  return [...registryState().providers.values()]
    .filter((definition) => kind === undefined || definition.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(providerInfo);
}

/**
 * A provider registers itself when its package is imported: the argo runner imports first-party ones by name, a program
 * of its own must import them (the engine's README examples once did not, and failed here with no hint why). Said only
 * when none is registered: then nothing was imported.
 */
const IMPORT_FIRST = ` (a provider is registered when its package is imported: import "@argo/provider-paper" for paper, "@argo/provider-replay" for replay and simulated, or your plugin's package)`;

/**
 * The definition of a provider, or PROVIDER_NOT_FOUND listing those available (of the kind asked for), and saying so
 * when the name was registered against another, incompatible line of @argo/core (a plugin built for another major).
 */
export function getProviderDefinition(name: string, kind?: ProviderKind): ProviderDefinition {
  const definition = registryState().providers.get(name);
  if (definition && (kind === undefined || definition.kind === kind)) return definition;
  const available = listProviders(kind).map((info) => info.name);
  const what = kind ? `${kind} provider` : "provider";
  const hint = definition ? ` ("${name}" is a ${definition.kind} provider)` : "";
  const elsewhere = definition ? [] : registrationsElsewhere(name, kind);
  const other = elsewhere
    .map((entry) => `; "${name}" was registered by ${entry.packageName} against @argo/core ${entry.line}.x (${entry.coreVersion}), while this program uses @argo/core ${CORE_LINE}.x: install a version of ${entry.packageName} made for @argo/core ${CORE_LINE}.x`)
    .join("");
  throw new ArgoError(
    "PROVIDER_NOT_FOUND",
    `unknown ${what} "${name}"${hint}; available: ${available.length ? available.join(", ") : `none${IMPORT_FIRST}`}${other}`,
    {
      provider: name,
      details: {
        available,
        ...(elsewhere.length ? { registeredElsewhere: elsewhere.map(({ packageName, coreVersion }) => ({ packageName, coreVersion })) } : {}),
      },
    },
  );
}

/** Name, display name, description, paper flag, kind and capabilities of a provider. */
export function getProviderInfo(name: string): ProviderInfo {
  return providerInfo(getProviderDefinition(name));
}

/** The public facts of a definition (what {@link getProviderInfo} gives), for a caller that has the definition already. */
export function providerInfo(definition: ProviderDefinition): ProviderInfo {
  return {
    name: definition.name,
    displayName: definition.displayName,
    description: definition.description,
    isPaperTrading: definition.isPaperTrading,
    kind: definition.kind,
    packageName: definition.packageName,
    capabilities: definition.capabilities,
  };
}

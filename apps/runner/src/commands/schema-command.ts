import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";
import { UsageError } from "../cli/usage-error.ts";
import { configJsonSchema } from "../config/config-json-schema.ts";
import { ArgoError, isArgoError, providerConfigJsonSchema } from "@argo/core";
import { loadInstalledFirstParty, loadProviders, type PluginRegistrations, silentPluginsNote } from "../plugins/load-providers.ts";
import { riskJsonSchema } from "../config/risk-json-schema.ts";

/** `argo schema <provider|config|risk>`: prints a JSON Schema. */
export async function schemaCommand(cli: ParsedCli, io: Io): Promise<ExitCode> {
  const name = cli.positionals[0];
  if (!name) throw new UsageError('name a provider, or "config" for the whole file, or "risk"', "schema");
  await loadInstalledFirstParty(io.cwd);
  const namedProvider = name === "config" || name === "risk" ? [] : [name];
  const registered = await loadProviders((cli.flags.plugin as string[] | undefined) ?? [], namedProvider, io.cwd);
  const schema = name === "config" ? configJsonSchema(riskJsonSchema()) : name === "risk" ? riskJsonSchema() : providerSchema(name, registered);
  io.out(JSON.stringify(schema, null, 2));
  return EXIT.OK;
}

/** A provider's schema; unknown, the error says how a plugin's provider is found (this command reads no config file). */
function providerSchema(name: string, registered: PluginRegistrations): unknown {
  try {
    return providerConfigJsonSchema(name);
  } catch (error) {
    if (!isArgoError(error, "PROVIDER_NOT_FOUND")) throw error;
    const hint = registered.size === 0 ? " (a plugin's provider: add --plugin <package>)" : silentPluginsNote(registered);
    throw new ArgoError(error.code, `${error.message}${hint}`, { provider: name, details: error.details });
  }
}

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadProviders } from "../plugins/load-providers.ts";
import { asRecord } from "./as-record.ts";
import { configSchemaLookup } from "./config-schema-at.ts";
import { applyEnvOverrides } from "./env-overrides.ts";
import { applyFlags } from "./apply-flags.ts";
import { loadConfigFile } from "./load-config-file.ts";
import { substituteEnv } from "./substitute-env.ts";

/**
 * The embedded default session: simulated data, paper trading, the SMA example, status API on 127.0.0.1:8787.
 * The published package carries a copy in demo/ (made at pack time); in the repository it is examples/demo.yaml.
 */
export const DEMO_CONFIG_PATH = [join(import.meta.dir, "../../demo/demo.yaml"), join(import.meta.dir, "../../../../examples/demo.yaml")].find((path) =>
  existsSync(path),
)!;

/** A config as read, before validation, and the folder its relative paths are resolved from. */
export interface RawConfig {
  raw: Record<string, unknown>;
  /** Folder of the config file (or the working directory without one). */
  baseDir: string;
  /** The file read, if any. */
  path?: string;
  /** The working directory the command ran in. */
  cwd?: string;
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/**
 * Reads the file (YAML/JSON), substitutes ${VAR}, applies ARGO__ overrides, then flags: in that order of precedence.
 * Both environment steps go by the config's schemas, the named providers' included, so those are loaded first.
 */
export async function buildRawConfig(path: string | undefined, flags: Flags, env: Record<string, string | undefined>, cwd: string): Promise<RawConfig> {
  const file = path ? resolve(cwd, path) : undefined;
  const baseDir = file ? dirname(file) : cwd;
  const fromFile = file ? await loadConfigFile(file) : {};
  // A first reading by the runner's own schema tells which providers (and plugins) the session names.
  const runnerOnly = configSchemaLookup({});
  const named = applyEnvOverrides(substituteEnv(fromFile, env, runnerOnly) as Record<string, unknown>, env, runnerOnly);
  const providers = { trading: providerName(named, flags, "trading"), marketData: providerName(named, flags, "market_data") };
  const plugins = Array.isArray(named.plugins) ? named.plugins.filter((p): p is string => typeof p === "string") : [];
  // A provider that cannot be loaded is reported by validation, with its path; here it only has no schema.
  await loadProviders(plugins, [providers.trading, providers.marketData], cwd !== baseDir ? [baseDir, cwd] : [baseDir]).catch(() => undefined);
  const schemaAt = configSchemaLookup(providers);
  const substituted = substituteEnv(fromFile, env, schemaAt) as Record<string, unknown>;
  const overridden = applyEnvOverrides(substituted, env, schemaAt);
  const raw = await applyFlags(overridden, flags, cwd);
  return { raw, baseDir, cwd, ...(file ? { path: file } : {}) };
}

/** The provider a section will name once flags are applied (validation's defaults when none is named). */
function providerName(raw: Record<string, unknown>, flags: Flags, section: "trading" | "market_data"): string {
  const flag = flags[section === "trading" ? "trading-provider" : "market-data-provider"];
  return typeof flag === "string" ? flag : String(asRecord(raw[section]).provider ?? (section === "trading" ? "paper" : "simulated"));
}

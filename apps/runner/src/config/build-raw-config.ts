import type { ConfigIssue } from "@argo/core";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { configSchemaLookup } from "./config-schema-at.ts";
import { applyEnvOverrides, type EnvOverride, traceEnvOverrides } from "./env-overrides.ts";
import { applyFlags, providersWithFlags } from "./apply-flags.ts";
import { asRecord } from "./as-record.ts";
import { loadConfigStrategy, type StrategyLoad } from "./load-config-strategy.ts";
import { loadConfigFile } from "./load-config-file.ts";
import { dropOtherProviderConfigs } from "./other-provider-config.ts";
import { loadSessionProviders, type ProviderLoad } from "./load-session-providers.ts";
import { structuredFlagDir } from "./read-structured-flag.ts";
import { misspeltEnvNotices } from "./misspelt-env-notices.ts";
import { replacedSectionNotices } from "./replaced-section-notices.ts";
import { pluginSearchDirs, sessionProviders } from "./session-providers.ts";
import { placeholderNames, type SubstitutionProblem, substituteEnv } from "./substitute-env.ts";

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
  /** Folder of the config file (or the working directory without one): paths written in the file resolve from it. */
  baseDir: string;
  /** Folder `strategy.path` resolves from: the working directory when `--strategy` gave it (default baseDir). */
  strategyBaseDir?: string;
  /**
   * Folder the replay provider's files resolve from when `--market-data-config` gave its config: that file's folder, or
   * the working directory for inline JSON (default baseDir).
   */
  marketDataBaseDir?: string;
  /** The file read, if any. */
  path?: string;
  /** The working directory the command ran in. */
  cwd?: string;
  /** The ARGO__ variables still in effect after the flags, so a problem they caused names them. */
  envOverrides?: readonly EnvOverride[];
  /** The plugins and providers loaded to read the config by their schemas: validation reports this outcome, not a second load. */
  loaded?: ProviderLoad;
  /** The strategy loaded to read `strategy.config` by its schema: validation reports this outcome, not a second load. */
  strategy?: StrategyLoad;
  /**
   * Lines for stderr before the session starts: an ARGO_ variable that looks meant as an override but is misspelt, so
   * not read (see misspeltEnvNotices), and a `--*-config` flag that replaced a section holding keys its value lacks,
   * naming them (see replacedSectionNotices). Not problems: the flag's value is the whole section.
   */
  notices?: string[];
  /**
   * Unset variables and malformed `${` of the file and the `--*-config` files, at the path of each value still in
   * effect: validation reports them with every other problem (and drops what the value left in their place caused).
   */
  substitutionIssues?: ConfigIssue[];
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/**
 * Reads the file (YAML/JSON), substitutes ${VAR}, applies ARGO__ overrides, then flags (whose files get ${VAR} too): in
 * that order of precedence. The file's config of a provider section is dropped when a flag or variable switches the
 * section to another provider.
 * Both environment steps go by the config's schemas, the named providers' and the strategy's included, so those are
 * loaded first.
 */
export async function buildRawConfig(path: string | undefined, flags: Flags, env: Record<string, string | undefined>, cwd: string): Promise<RawConfig> {
  const file = path ? resolve(cwd, path) : undefined;
  const baseDir = file ? dirname(file) : cwd;
  const fromFile = file ? await loadConfigFile(file) : {};
  // A first reading by the runner's own schema tells which providers (and plugins) the session names; a provider flag
  // names one over it, as applyFlags will write it.
  const runnerOnly = configSchemaLookup({});
  // Its problems are found again, by the full schemas, below.
  const first = applyEnvOverrides(substituteEnv(fromFile, env, runnerOnly, [], []) as Record<string, unknown>, env, runnerOnly);
  const named = providersWithFlags(sessionProviders(first), flags);
  // So is the strategy: ARGO__STRATEGY__CONFIG__SIZING__EQUITYFRACTION finds `equityFraction` by the strategy's schema
  // when the file does not spell it. A provider or strategy that cannot be loaded is reported by validation, with its
  // path; here it only has no schema.
  // A path typed on the command line is relative to the working directory, one written in the file to the file's folder.
  const strategyFlag = flagText(flags, "strategy");
  const strategyPath = strategyFlag ?? asRecord(first.strategy).path;
  const strategyBaseDir = strategyFlag !== undefined ? cwd : baseDir;
  const marketDataFlag = flagText(flags, "market-data-config");
  const [loaded, strategy] = await Promise.all([loadSessionProviders(named, pluginSearchDirs(baseDir, cwd)), loadConfigStrategy(strategyPath, strategyBaseDir)]);
  const schemaAt = configSchemaLookup(named, strategy?.strategy?.config);
  const fileProblems: SubstitutionProblem[] = [];
  const substituted = substituteEnv(fromFile, env, schemaAt, [], fileProblems) as Record<string, unknown>;
  // The file's config of a provider a flag or variable switched from was that provider's; what ARGO__ sets is kept.
  const { config: overridden, overrides } = traceEnvOverrides(dropOtherProviderConfigs(substituted, named), env, schemaAt);
  // Files named by --*-config flags get ${VAR} replaced as the file did, by the same schemas.
  const flagProblems: SubstitutionProblem[] = [];
  const raw = await applyFlags(overridden, flags, cwd, { env, schemaAt, problems: flagProblems });
  // A variable whose value a flag replaced is no longer the source of what is there.
  const envOverrides = overrides.filter(({ keys }) => Bun.deepEquals(valueAt(raw, keys), valueAt(overridden, keys)));
  // A file's value an ARGO__ variable or a flag replaced is not used: its placeholder is no problem of the session.
  const substitutionIssues = [...fileProblems.filter(({ keys }) => Bun.deepEquals(valueAt(raw, keys), valueAt(substituted, keys))), ...flagProblems].map(
    ({ path, message }) => ({ path, message }),
  );
  // Named as typed: the user knows the file by that name.
  // A variable meant as an override but misspelt (ARGO_ENGINE__SYMBOLS) was ignored silently: said first.
  const notices = [...misspeltEnvNotices(env, placeholderNames(fromFile)), ...replacedSectionNotices(overridden, raw, flags, path ?? "the ARGO__ variables")];
  return {
    raw, baseDir, strategyBaseDir, cwd, envOverrides, loaded, notices,
    ...(substitutionIssues.length > 0 ? { substitutionIssues } : {}),
    ...(marketDataFlag !== undefined ? { marketDataBaseDir: structuredFlagDir(marketDataFlag, cwd) } : {}),
    ...(strategy ? { strategy } : {}),
    ...(file ? { path: file } : {}),
  };
}

/** A flag's text value; an empty one counts as not given (as applyFlags takes it). */
function flagText(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function valueAt(config: Record<string, unknown>, keys: readonly string[]): unknown {
  let node: unknown = config;
  for (const key of keys) node = node !== null && typeof node === "object" && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

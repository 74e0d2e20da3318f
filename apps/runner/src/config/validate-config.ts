import {
  type ConfigIssue, type ProviderInfo, type ProviderKind, getProviderDefinition, providerInfo, isArgoError, listProviders, redact, redactProviderConfig, safeParseConfig,
  scrubSecrets, secretLocations, toArgoError, validateProviderConfig, withJsonSpellings,
} from "@argo/core";
import { type AnyStrategy, type RiskConfig, riskConfigSchema, validateStrategyConfig } from "@argo/engine";
import { loadInstalledFirstParty, silentPluginsNote } from "../plugins/load-providers.ts";
import { configSecretValues, parsedSecretValues } from "./config-secret-values.ts";
import { type RunnerConfig, runnerConfigSchema } from "./config-schema.ts";
import type { RawConfig } from "./build-raw-config.ts";
import { asRecord } from "./as-record.ts";
import { configSchemaLookup } from "./config-schema-at.ts";
import { dataDirIssues } from "./data-dir-issues.ts";
import { nameEnvSources, nameSessionSources, refusedEnvIssues } from "./env-issue-source.ts";
import { isInsideSection, listSectionIssues } from "./list-section-issues.ts";
import { strategyLoadFor } from "./load-config-strategy.ts";
import { loadedFor, loadSessionProviders } from "./load-session-providers.ts";
import { providerSessionIssues } from "./provider-session-issues.ts";
import { riskSymbolIssues } from "./risk-symbol-issues.ts";
import { backtestRange } from "./backtest-range.ts";
import { pluginSearchDirs, sessionProviders } from "./session-providers.ts";
import { statusBindIssues } from "./status-bind-issues.ts";

/** A session config that passed every check, with each part parsed. */
export interface ValidSession {
  config: RunnerConfig;
  baseDir: string;
  trading: { info: ProviderInfo; config: unknown };
  marketData: { info: ProviderInfo; config: unknown };
  strategy: AnyStrategy;
  strategyConfig: unknown;
  risk: RiskConfig;
  /** The whole config with every secret replaced by "[REDACTED]", safe to show. */
  redacted: Record<string, unknown>;
  /** Every secret value the config holds, so any text (log lines, errors) can be scrubbed of them by value. */
  secrets: string[];
}

/** What the session will do with the config beyond trading. */
export interface ValidateOptions {
  /** Whether it serves the status API when `status.enabled` (argo run, and argo validate judging for it); a backtest does not. Default true. */
  serveStatus?: boolean;
  /**
   * Whether it keeps its journal in `engine.data_dir` (argo run, and argo validate judging for it); a backtest does not.
   * Default: as serveStatus, since the session that serves the status API is the one that journals.
   */
  journal?: boolean;
  /**
   * Whether it replays `backtest.from`/`to` (argo backtest, and argo validate judging for it); `argo run` does not, and
   * passes false. Default true.
   */
  backtest?: boolean;
}

/** Every check's verdict: the session, or all the problems at once. */
export type ValidationOutcome = { ok: true; session: ValidSession } | { ok: false; issues: ConfigIssue[] };

/**
 * Checks a whole config — its shape, plugins, both providers and their configs, the risk limits, the status API's bind
 * address, the strategy file and the strategy's config — and reports every problem with its path, never a secret value.
 */
export async function validateConfig(
  { raw, baseDir, strategyBaseDir = baseDir, marketDataBaseDir = baseDir, cwd, envOverrides = [], loaded, strategy: strategyLoaded, substitutionIssues = [] }: RawConfig,
  options: ValidateOptions = {},
): Promise<ValidationOutcome> {
  const named = sessionProviders(raw);
  const { trading: tradingName, marketData: dataName } = named;
  const searchDirs = pluginSearchDirs(baseDir, cwd);
  // buildRawConfig loaded them already to read the config by their schemas; a config built otherwise is loaded here.
  const load = loaded && loadedFor(loaded, named) ? loaded : await loadSessionProviders(named, searchDirs);
  // A name that is no provider of its kind (a typo, or one of the other kind: `trading: { provider: simulated }`):
  // every installed first-party package is loaded, so the error lists all that could be used, the same in every run.
  if (!isProviderOf("trading", tradingName) || !isProviderOf("market-data", dataName)) await loadInstalledFirstParty(searchDirs);
  // buildRawConfig loaded it already to read strategy.config by its schema; a config built otherwise is loaded here.
  const strategyLoad = await strategyLoadFor(strategyLoaded, asRecord(raw.strategy).path, strategyBaseDir);
  const strategy: AnyStrategy | undefined = strategyLoad?.strategy;

  const issues: ConfigIssue[] = [];
  const fail = (path: string, error: unknown) => issues.push({ path, message: toArgoError(error).message });
  // An unset ${VAR} or a malformed `${`: what the value left in its place makes of the field would only mislead.
  issues.push(...substitutionIssues);
  const outer = safeParseConfig(runnerConfigSchema, raw, { label: "config" });
  // Missing required fields get a message saying which flag supplies them instead of the schema's bare "required".
  const missing = new Map<string, string>();
  if (asRecord(raw.engine).symbols === undefined) missing.set("engine.symbols", "required but missing: name at least one symbol (or pass --symbols)");
  if (asRecord(raw.strategy).path === undefined) missing.set("strategy.path", "required but missing: a strategy file or package (or pass --strategy)");
  const replaced = (path: string) => missing.has(path) || (path === "strategy" && raw.strategy === undefined);
  // Per-section checks below give sharper messages for these sections than the outer pass.
  if (!outer.ok) {
    issues.push(...outer.issues.filter((i) => !replaced(i.path) && !/^(trading|market_data)\.config\.|^strategy\.config\.|^risk(\.|$)/.test(i.path)));
  }
  // A list where a mapping belongs (a section, a provider's or the strategy's config, a part of one) is reported whole;
  // what the checks below make of its items would only mislead, or pass it as empty and run on defaults.
  const lists = listSectionIssues(raw, configSchemaLookup(named, strategy?.config));
  issues.push(...lists);
  // An ARGO__ variable that could not be applied (a path through a list by no index it can take) is refused at the list.
  issues.push(...refusedEnvIssues(envOverrides));
  for (const [path, message] of missing) {
    // A section that is not a mapping at all is already reported; its fields would only repeat it.
    if (!issues.some((i) => i.path === path.split(".")[0])) issues.push({ path, message });
  }

  if (load.error !== undefined) {
    const provider = isArgoError(load.error) ? load.error.provider : undefined;
    // A plugin's failure about another name (a conflict between two plugins) belongs to the plugins list.
    fail(provider === tradingName ? "trading.provider" : provider === dataName ? "market_data.provider" : "plugins", load.error);
  }

  const notFoundNote = silentPluginsNote(load.registered);
  const trading = checkProvider("trading", tradingName, asRecord(raw.trading).config, issues, notFoundNote);
  const dataConfig = { ...asRecord(asRecord(raw.market_data).config) };
  // Replay files are relative to the config file, like the strategy path; given by --market-data-config, to its file.
  if (dataName === "replay" && dataConfig.baseDir === undefined) dataConfig.baseDir = marketDataBaseDir;
  const marketData = checkProvider("market-data", dataName, dataConfig, issues, notFoundNote);

  // Only a missing section is no limits: `risk:` left empty (null) or written as text is reported, here alone.
  const risk = safeParseConfig(riskConfigSchema, raw.risk === undefined ? {} : raw.risk, { label: "risk limits", pathPrefix: "risk" });
  if (!risk.ok) issues.push(...risk.issues);
  issues.push(...nameSessionSources(riskSymbolIssues(raw), envOverrides, ["engine.symbols"]));
  // The bind rule `argo run` applies when it starts the status API: the same function, so both refuse the same configs.
  if (options.serveStatus !== false) issues.push(...statusBindIssues(raw));
  // Where `argo run` will put its journal: a file there, or a directory it may not write to, would fail it only at start.
  if (options.journal ?? options.serveStatus !== false) {
    const rawDataDir = asRecord(raw.engine).data_dir;
    const dataDir = outer.ok ? outer.value.engine?.data_dir : typeof rawDataDir === "string" && rawDataDir !== "" ? rawDataDir : undefined;
    if (dataDir !== undefined) issues.push(...dataDirIssues(dataDir, cwd ?? process.cwd()));
  }

  let strategyConfig: unknown;
  if (strategyLoad?.error !== undefined) fail("strategy.path", strategyLoad.error);
  if (strategy) {
    try {
      const checked = validateStrategyConfig(strategy, asRecord(raw.strategy).config ?? {}, "strategy.config");
      if (checked.ok) strategyConfig = checked.value;
      else issues.push(...checked.issues);
    } catch (error) {
      fail("strategy.path", error);
    }
  }

  // Only once both configs are valid: each provider then says whether it can serve these symbols at this interval.
  const engine = outer.ok ? outer.value.engine : undefined;
  if (engine && trading && marketData) {
    // A backtest's range too, when judged for one: a market data provider whose bars all miss it would stop the run
    // with "no bars" (argo run replays no range).
    const range = options.backtest !== false && outer.ok ? backtestRange(outer.value.backtest) : undefined;
    const session = { symbols: engine.symbols, interval: engine.interval, ...(range ? { range } : {}) };
    // Not on a config holding an unset variable's "": a file path cut short would be reported as missing, say.
    const substituted = (section: string) => substitutionIssues.some((issue) => issue.path.startsWith(`${section}.`));
    const judged = (found: ConfigIssue[]) => nameSessionSources(found, envOverrides, ["engine.symbols", "engine.interval"]);
    if (!substituted("trading")) issues.push(...judged(providerSessionIssues("trading", tradingName, trading.config, session)));
    if (!substituted("market_data")) issues.push(...judged(providerSessionIssues("market-data", dataName, marketData.config, session)));
  }

  // As written and as parsed: a schema that trims or reshapes a secret hands the provider a value the raw text lacks.
  const secrets = [...new Set([
    ...configSecretValues(raw, strategy),
    ...parsedSecretValues({
      ...(outer.ok ? { runner: outer.value } : {}),
      ...(trading ? { trading: { name: tradingName, config: trading.config } } : {}),
      ...(marketData ? { marketData: { name: dataName, config: marketData.config } } : {}),
      ...(strategy ? { strategy, strategyConfig } : {}),
    }),
  ])];
  if (issues.length > 0 || !outer.ok || !trading || !marketData || !risk.ok || !strategy) {
    const spellings = withJsonSpellings(secrets);
    // What a check made of an unset variable's "" (or a malformed placeholder's text) would only mislead; that the key
    // itself is unknown stands.
    const reported = issues.filter((issue) => !isInsideSection(issue, lists) && !(isInsideSection(issue, substitutionIssues) && !issue.message.startsWith("unknown key")));
    return { ok: false, issues: nameEnvSources(dedupe(reported), envOverrides).map((issue) => ({
      ...issue,
      message: scrubSecrets(issue.message, spellings),
      ...(issue.received !== undefined ? { received: scrubSecrets(issue.received, spellings) } : {}),
    })) };
  }
  const strategyRaw = asRecord(raw.strategy).config ?? {};
  const shown = {
    ...raw,
    trading: { provider: tradingName, config: redactProviderConfig(tradingName, asRecord(raw.trading).config ?? {}) },
    market_data: { provider: dataName, config: redactProviderConfig(dataName, asRecord(raw.market_data).config ?? {}) },
    strategy: { ...asRecord(raw.strategy), config: redact(strategyRaw, secretLocations(strategy.config, strategyRaw)) },
  };
  const redacted = redact(shown, secretLocations(runnerConfigSchema, shown)) as Record<string, unknown>;
  return {
    ok: true,
    session: { config: outer.value, baseDir, trading, marketData, strategy, strategyConfig, risk: risk.value, redacted, secrets },
  };
}

/** True when a provider of this name and kind is registered. */
function isProviderOf(kind: ProviderKind, name: string): boolean {
  return listProviders(kind).some((provider) => provider.name === name);
}

/** `notFoundNote` is added to the message when there is no such provider (the plugins that registered none). */
function checkProvider(kind: "trading" | "market-data", name: string, config: unknown, issues: ConfigIssue[], notFoundNote = "") {
  const section = kind === "trading" ? "trading" : "market_data";
  let info: ProviderInfo;
  try {
    // One lookup; it throws, listing the providers of this kind, when there is none by that name.
    info = providerInfo(getProviderDefinition(name, kind));
  } catch (error) {
    const note = isArgoError(error, "PROVIDER_NOT_FOUND") ? notFoundNote : "";
    if (!issues.some((i) => i.path === `${section}.provider`)) issues.push({ path: `${section}.provider`, message: toArgoError(error).message + note });
    return undefined;
  }
  const result = validateProviderConfig(name, config ?? {}, `${section}.config`);
  if (!result.ok) {
    issues.push(...result.issues);
    return undefined;
  }
  return { info, config: result.value };
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

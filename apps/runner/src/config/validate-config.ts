import {
  type ConfigIssue, type ProviderInfo, getProviderDefinition, isArgoError, redact, redactProviderConfig, safeParseConfig,
  secretPaths, toArgoError, validateProviderConfig,
} from "@argo/core";
import { type AnyStrategy, type RiskConfig, loadStrategy, riskConfigSchema, validateStrategyConfig } from "@argo/engine";
import { loadProviders } from "../plugins/load-providers.ts";
import { type RunnerConfig, runnerConfigSchema } from "./config-schema.ts";
import type { RawConfig } from "./build-raw-config.ts";

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
}

/** Every check's verdict: the session, or all the problems at once. */
export type ValidationOutcome = { ok: true; session: ValidSession } | { ok: false; issues: ConfigIssue[] };

type Raw = Record<string, unknown>;
const obj = (value: unknown): Raw => (value && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : {});

/**
 * Checks a whole config — its shape, plugins, both providers and their configs, the risk limits, the strategy file and
 * the strategy's config — and reports every problem with its path, never a secret value.
 */
export async function validateConfig({ raw, baseDir }: RawConfig): Promise<ValidationOutcome> {
  const issues: ConfigIssue[] = [];
  const fail = (path: string, error: unknown) => issues.push({ path, message: toArgoError(error).message });
  const outer = safeParseConfig(runnerConfigSchema, raw, { label: "config" });
  // Per-section checks below give sharper messages for these sections than the outer pass.
  if (!outer.ok) issues.push(...outer.issues.filter((i) => !/^(trading|market_data)\.config\.|^strategy\.config\.|^risk\./.test(i.path)));
  if (!obj(raw.engine).symbols && !issues.some((i) => i.path.startsWith("engine"))) {
    issues.push({ path: "engine.symbols", message: "required but missing: name at least one symbol (or pass --symbols)" });
  }

  const tradingName = String(obj(raw.trading).provider ?? "paper");
  const dataName = String(obj(raw.market_data).provider ?? "simulated");
  const plugins = Array.isArray(raw.plugins) ? raw.plugins.filter((p): p is string => typeof p === "string") : [];
  try {
    await loadProviders(plugins, [tradingName, dataName]);
  } catch (error) {
    fail(isArgoError(error) && error.provider ? (error.provider === tradingName ? "trading.provider" : "market_data.provider") : "plugins", error);
  }

  const trading = checkProvider("trading", tradingName, obj(raw.trading).config, issues);
  const dataConfig = { ...obj(obj(raw.market_data).config) };
  // Replay files are relative to the config file, like the strategy path.
  if (dataName === "replay" && dataConfig.baseDir === undefined) dataConfig.baseDir = baseDir;
  const marketData = checkProvider("market-data", dataName, dataConfig, issues);

  const risk = safeParseConfig(riskConfigSchema, raw.risk ?? {}, { label: "risk limits", pathPrefix: "risk" });
  if (!risk.ok) issues.push(...risk.issues);

  let strategy: AnyStrategy | undefined;
  let strategyConfig: unknown;
  const strategyPath = obj(raw.strategy).path;
  if (typeof strategyPath === "string" && strategyPath.length > 0) {
    try {
      strategy = await loadStrategy(strategyPath, { baseDir });
      const checked = validateStrategyConfig(strategy, obj(raw.strategy).config ?? {}, "strategy.config");
      if (checked.ok) strategyConfig = checked.value;
      else issues.push(...checked.issues);
    } catch (error) {
      fail("strategy.path", error);
    }
  } else if (!issues.some((i) => i.path.startsWith("strategy"))) {
    issues.push({ path: "strategy.path", message: "required but missing: a strategy file or package (or pass --strategy)" });
  }

  if (issues.length > 0 || !outer.ok || !trading || !marketData || !risk.ok || !strategy) return { ok: false, issues: dedupe(issues) };
  const redacted = redact(
    {
      ...raw,
      trading: { provider: tradingName, config: redactProviderConfig(tradingName, obj(raw.trading).config ?? {}) },
      market_data: { provider: dataName, config: redactProviderConfig(dataName, obj(raw.market_data).config ?? {}) },
      strategy: { ...obj(raw.strategy), config: redact(obj(raw.strategy).config ?? {}, secretPaths(strategy.config)) },
    },
    secretPaths(runnerConfigSchema),
  ) as Record<string, unknown>;
  return {
    ok: true,
    session: { config: outer.value, baseDir, trading, marketData, strategy, strategyConfig, risk: risk.value, redacted },
  };
}

function checkProvider(kind: "trading" | "market-data", name: string, config: unknown, issues: ConfigIssue[]) {
  const section = kind === "trading" ? "trading" : "market_data";
  let info: ProviderInfo;
  try {
    const definition = getProviderDefinition(name, kind);
    info = { ...definition };
  } catch (error) {
    if (!issues.some((i) => i.path === `${section}.provider`)) issues.push({ path: `${section}.provider`, message: toArgoError(error).message });
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

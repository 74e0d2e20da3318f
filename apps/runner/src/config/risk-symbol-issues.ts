import type { ConfigIssue } from "@argo/core";
import { engineSettingsSchema, untradedRiskSymbolMessage, untradedRiskSymbols } from "@argo/engine";
import * as v from "valibot";
import { asRecord } from "./as-record.ts";

/**
 * Per-symbol risk limits keyed by a symbol the session does not stream (the engine's rule, untradedRiskSymbols), as
 * issues of the config file. Only checked against a valid `engine.symbols`; a bad list is reported there.
 */
export function riskSymbolIssues(raw: Record<string, unknown>): ConfigIssue[] {
  const symbols = v.safeParse(engineSettingsSchema.entries.symbols, asRecord(raw.engine).symbols);
  if (!symbols.success) return [];
  const message = untradedRiskSymbolMessage(symbols.output);
  return untradedRiskSymbols(symbols.output, asRecord(raw.risk).symbols).map((symbol) => ({ path: `risk.symbols.${symbol}`, message }));
}

import type { ConfigIssue } from "@argo/core";
import { engineSettingsSchema } from "@argo/engine";
import * as v from "valibot";
import { asRecord } from "./as-record.ts";

/**
 * Per-symbol risk limits keyed by a symbol the session does not stream: almost always a typo (BTCUSDT for BTCUSD), and
 * a limit that silently never applies. Only checked against a valid `engine.symbols`; a bad list is reported there.
 */
export function riskSymbolIssues(raw: Record<string, unknown>): ConfigIssue[] {
  const symbols = v.safeParse(engineSettingsSchema.entries.symbols, asRecord(raw.engine).symbols);
  if (!symbols.success) return [];
  const streamed = new Set(symbols.output);
  const limited = Object.keys(asRecord(asRecord(raw.risk).symbols));
  return limited
    .filter((symbol) => !streamed.has(symbol))
    .map((symbol) => ({
      path: `risk.symbols.${symbol}`,
      message: `not one of engine.symbols (${symbols.output.join(", ")}); a limit for it would never apply`,
    }));
}

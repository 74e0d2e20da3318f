import { ArgoError, intervalKey } from "@argo/core";
import type { ReplayFile } from "./replay-file.ts";

/**
 * The file serving `symbol` at `interval`, or the error saying why none does: the symbol has files only at other
 * intervals (INVALID_CONFIGURATION), or none at all (UNKNOWN_SYMBOL). Shared by the provider and the config check, so
 * `argo validate` says what a run would.
 */
export function findReplayFile(files: readonly ReplayFile[], symbol: string, interval: string): ReplayFile | ArgoError {
  const want = intervalKey(interval);
  const ofSymbol = files.filter((file) => file.symbol === symbol);
  const match = ofSymbol.find((file) => file.intervalKey === want);
  if (match) return match;
  if (ofSymbol.length > 0) {
    const have = ofSymbol.map((file) => file.interval).join(", ");
    return new ArgoError("INVALID_CONFIGURATION", `replay has ${symbol} only at interval ${have}, not ${interval}; add a file for ${symbol} at ${interval} to files`, {
      provider: "replay",
      details: { symbol, interval, available: ofSymbol.map((file) => file.interval) },
    });
  }
  const known = files.map((file) => `${file.symbol} (${file.interval})`);
  return new ArgoError("UNKNOWN_SYMBOL", `replay has no file for symbol "${symbol}"; configured: ${known.join(", ")}`, {
    provider: "replay",
    details: { symbol, available: known },
  });
}

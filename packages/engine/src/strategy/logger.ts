import { secretScrubber, withJsonSpellings } from "@argo/core";

/** Severity of a log line. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Structured logger handed to strategies; fields must be JSON-serialisable and secret-free. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * A logger writing JSON lines to the console at `level` and above; `bindings` are added to every line. Each `secrets`
 * value (as is and as JSON spells it) is replaced in the finished line: the engine's own lines quote venue text (a halt
 * reason carries the venue's last error, which may echo an API key).
 */
export function consoleLogger(bindings: Record<string, unknown> = {}, level: LogLevel = "info", secrets: readonly string[] = []): Logger {
  const min = RANK[level];
  const scrub = secretScrubber(withJsonSpellings(secrets));
  const write = (lvl: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < min) return;
    const line = scrub(JSON.stringify({ level: lvl, time: Date.now(), ...bindings, msg: message, ...fields }));
    if (lvl === "error" || lvl === "warn") console.error(line);
    else console.log(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}

/** A logger that drops everything (benchmarks, quiet tests). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

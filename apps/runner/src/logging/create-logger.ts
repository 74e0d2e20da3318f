import { REDACTED, secretScrubber, withJsonSpellings } from "@argo/core";
import pino, { type Logger as Pino } from "pino";
import pretty from "pino-pretty";

/** Options of the runner's logger. */
export interface LoggerOptions {
  level: string;
  format: "auto" | "json" | "pretty";
  /** Secret values known from the config: scrubbed from every line, whatever field they end up in. */
  secrets: readonly string[];
  /** Where lines go (default stderr, so stdout stays for command output). */
  destination?: NodeJS.WritableStream;
  interactive: boolean;
}

// Key names that hold credentials anywhere in a logged object.
const SECRET_KEYS = ["apiKey", "secretKey", "apiSecret", "secret", "token", "password", "passphrase", "authorization"];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** JSON lines (or human-readable on a terminal) with secrets removed by key and by value. */
export function createLogger(options: LoggerOptions): Pino {
  const destination = options.destination ?? process.stderr;
  // Ordered once here: the hook runs for every line.
  const scrub = secretScrubber(withJsonSpellings(options.secrets));
  const usePretty = options.format === "pretty" || (options.format === "auto" && options.interactive);
  const stream = usePretty ? pretty({ colorize: options.interactive, destination, sync: true }) : destination;
  return pino(
    {
      level: options.level,
      base: { app: "argo" },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: scrub },
    },
    stream as pino.DestinationStream,
  );
}

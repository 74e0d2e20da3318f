import { SecretScrubber } from "../journal/secret-scrubber.ts";
import type { Logger, LogLevel } from "../strategy/logger.ts";

/**
 * `logger` with every secret value (as is and as JSON spells it) replaced by REDACTED in each message and field, or
 * `logger` itself when there are no secrets. The engine's own lines quote venue text (a halt reason carries the venue's
 * last error, which may echo an API key), so the default logger must not print it as it came.
 */
export function scrubbedLogger(logger: Logger, secrets: readonly string[] = []): Logger {
  const scrub = new SecretScrubber(secrets);
  if (!scrub.active) return logger;
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>): void => {
    logger[level](scrub.text(message), fields === undefined ? undefined : scrubFields(scrub, fields));
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** The fields with every secret removed, in the JSON form a line shows them in; untouched (same object) when none occurs. */
function scrubFields(scrub: SecretScrubber, fields: Record<string, unknown>): Record<string, unknown> {
  let text: string | undefined;
  try {
    text = JSON.stringify(fields);
  } catch {
    // Not JSON (a cycle, a bigint): the console logger, which serialises the same way, throws on it before printing.
    return fields;
  }
  if (text === undefined) return fields;
  const clean = scrub.json(text);
  return clean === text ? fields : (JSON.parse(clean) as Record<string, unknown>);
}

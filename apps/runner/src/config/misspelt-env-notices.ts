import { OVERRIDE_PREFIX } from "./env-overrides.ts";

/** The config file's sections, as a name part after the prefix: any case, market_data's underscore optional. */
const SECTION = /^(engine|market_?data|trading|strategy|risk|status|backtest|plugins|log)(_|$)/i;

/** ARGO_ variables the runner reads itself: no override, and never a misspelt one. */
const RUNNER_VARIABLES = new Set(["ARGO_CONFIRM_LIVE"]);

/**
 * One line per environment variable that looks meant as a config override but is not read as one, its prefix
 * misspelt: `ARGO_ENGINE__SYMBOLS` (one underscore), `argo__engine__symbols` (lower case). Such a variable was ignored
 * silently, so the session ran on the file's value. Looks meant as one: it starts with ARGO_ in any case and then either
 * names a config section or holds `__` further on. A variable the config file reads through a `${NAME}` placeholder
 * (`initialCapital: ${ARGO_TRADING_CAPITAL}`) is read, so never named. The value is never said: it may be a secret.
 */
export function misspeltEnvNotices(env: Record<string, string | undefined>, placeholders: ReadonlySet<string> = new Set()): string[] {
  const notices: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (env[name] === undefined || name.startsWith(OVERRIDE_PREFIX) || RUNNER_VARIABLES.has(name) || placeholders.has(name)) continue;
    if (!/^argo_/i.test(name)) continue;
    const rest = name.replace(/^argo_+/i, "");
    if (!SECTION.test(rest) && !rest.includes("__") && !/^argo__/i.test(name)) continue;
    notices.push(`environment variable ${name} is not read: a config override's name starts with ${OVERRIDE_PREFIX} (upper case, two underscores), then SECTION__KEY, as in ${OVERRIDE_PREFIX}ENGINE__INTERVAL`);
  }
  return notices;
}

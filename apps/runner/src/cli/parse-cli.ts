import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.ts";

/** The commands `argo` knows. */
export const COMMANDS = ["run", "backtest", "providers", "schema", "validate", "help"] as const;

/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];

/** Flags shared by `run` and `backtest`, after seed 003. */
const SESSION_FLAGS = {
  strategy: { type: "string" },
  "strategy-config": { type: "string" },
  "market-data-provider": { type: "string" },
  "market-data-config": { type: "string" },
  "trading-provider": { type: "string" },
  "trading-config": { type: "string" },
  symbols: { type: "string" },
  interval: { type: "string" },
  "log-level": { type: "string" },
} as const;

const FLAGS = {
  run: { ...SESSION_FLAGS, "data-dir": { type: "string" }, "status-port": { type: "string" }, live: { type: "boolean" } },
  backtest: { ...SESSION_FLAGS, output: { type: "string" }, from: { type: "string" }, to: { type: "string" }, "no-progress": { type: "boolean" } },
  providers: { json: { type: "boolean" }, plugin: { type: "string", multiple: true } },
  schema: { plugin: { type: "string", multiple: true } },
  validate: {},
  help: {},
} as const;

/**
 * Flags of one command that another would otherwise take as unknown: refused with why, since a user passing them means
 * something the command does not do (a backtest keeps no journal, so `--data-dir` would be accepted and do nothing).
 */
const OTHER_COMMANDS_FLAGS: Partial<Record<Command, Record<string, string>>> = {
  backtest: {
    "data-dir": 'applies to "argo run" only (a backtest keeps no journal)',
    "status-port": 'applies to "argo run" only (a backtest serves no status API)',
    live: 'applies to "argo run" only (a backtest trades on the simulated venue)',
  },
  run: {
    from: 'applies to "argo backtest" only',
    to: 'applies to "argo backtest" only',
    output: 'applies to "argo backtest" only',
    "no-progress": 'applies to "argo backtest" only',
  },
};

/**
 * The arguments each command takes besides its flags (see its help's Usage line): one beyond them is refused, so that
 * `argo validate good.yaml bad.yaml` never reports the first file valid and leaves the second unread. `help` says it
 * the way `argo help run x` always has (see main.ts).
 */
// `optional`: the command runs without its argument (run and backtest on the embedded defaults); validate and schema need it.
const ARGUMENTS: Record<Exclude<Command, "help">, { most: number; what: string; optional: boolean }> = {
  run: { most: 1, what: "one config file", optional: true },
  backtest: { most: 1, what: "one config file", optional: true },
  validate: { most: 1, what: "one config file", optional: false },
  schema: { most: 1, what: 'one name (a provider, "config" or "risk")', optional: false },
  providers: { most: 0, what: "no arguments", optional: true },
};

/** A parsed command line. */
export interface ParsedCli {
  command: Command;
  positionals: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
  help: boolean;
}

/** Parses `argo <command> [args] [flags]`; unknown commands and flags are usage errors naming them. */
export function parseCli(argv: readonly string[]): ParsedCli {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") return { command: "help", positionals: [], flags: {}, help: true };
  if (first === "--version" || first === "-v") return { command: "help", positionals: [], flags: { version: true }, help: false };
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`unknown command "${first}"; commands: ${COMMANDS.join(", ")}`);
  const command = first as Command;
  try {
    const options = { ...FLAGS[command], help: { type: "boolean", short: "h" } } as const;
    const { values, positionals, tokens } = parseArgs({ args: rest, options, allowPositionals: true, strict: true, tokens: true });
    checkRepeatedFlags(command, options, tokens);
    const { help, ...flags } = values as Record<string, string | boolean | string[] | undefined>;
    checkEmptyValues(command, flags);
    if (command !== "help") checkArgumentCount(command, positionals);
    return { command, positionals, flags, help: help === true };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const other = /^Unknown option '--([^']+)'/.exec((error as Error).message)?.[1];
    const why = other === undefined ? undefined : OTHER_COMMANDS_FLAGS[command]?.[other];
    if (why !== undefined) throw new UsageError(`--${other} ${why}`, command);
    throw new UsageError((error as Error).message.replace(/^Unknown option '(.+?)'.*/s, `unknown flag $1 for "argo ${command}"`), command);
  }
}

function checkArgumentCount(command: Exclude<Command, "help">, positionals: readonly string[]): void {
  const { most, what, optional } = ARGUMENTS[command];
  // `argo run "$CONFIG"` with CONFIG unset: refused like an empty flag, not read as a file named "" (or as no file).
  if (positionals.includes("")) throw new UsageError(`an empty argument ("") is given where "argo ${command}" takes ${what}: ${most === 0 ? "leave it out" : optional ? "name it, or leave it out" : "name it"}`, command);
  const extra = positionals.slice(most);
  if (extra.length === 0) return;
  const named = extra.map((argument) => JSON.stringify(argument)).join(" ");
  throw new UsageError(`unexpected argument${extra.length > 1 ? "s" : ""} ${named}: "argo ${command}" takes ${what}`, command);
}

/**
 * A flag given twice is refused, naming it: parseArgs would keep the last one silently, and `--config a --config b`
 * (or two --symbols) more likely means a mistake than an override. Flags that take several values (--plugin) may repeat.
 */
function checkRepeatedFlags(command: Command, options: Readonly<Record<string, { readonly type: string; readonly multiple?: boolean }>>, tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string }>): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    // -h twice (or -h and --help) asks the same thing twice: nothing is lost.
    if (token.kind !== "option" || token.name === undefined || token.name === "help" || options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once: give it once`, command);
    seen.add(token.name);
  }
}

/**
 * A flag given an empty value (`--symbols=`, `--symbols ""`, a script's `--symbols "$UNSET"`) is refused as a flag given
 * no value is: taken as not given, the file's value would be used unseen. One rule with an empty ARGO__ variable and an
 * empty ${VAR} (see the README): an empty value is a mistake, refused where it came from.
 */
function checkEmptyValues(command: Command, flags: Readonly<Record<string, string | boolean | string[] | undefined>>): void {
  for (const [name, value] of Object.entries(flags)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.includes("")) throw new UsageError(`--${name} is given an empty value: give it a value, or leave the flag out`, command);
  }
}

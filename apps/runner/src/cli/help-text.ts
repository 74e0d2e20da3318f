import type { Command } from "./parse-cli.ts";

const SESSION_FLAGS = `  --strategy <path|package>        strategy file (TypeScript/JavaScript) or package
  --strategy-config <json|file>    strategy config (JSON text or a .json/.yaml file)
  --market-data-provider <name>    market data provider (default: simulated)
  --market-data-config <json|file> its config
  --trading-provider <name>        trading provider (default: paper)
  --trading-config <json|file>     its config
  --symbols <A,B>                  symbols, comma separated
  --interval <1m|1h|1d…>           bar interval
  --log-level <level>              trace, debug, info, warn, error, fatal, silent`;

/** Help text of each command, shown by `argo <command> --help` and `argo help <command>`. */
export const HELP: Record<Command, string> = {
  help: `argo — run one trading strategy in backtest, paper and live mode

Usage: argo <command> [options]

Commands:
  run [config]        run a paper (default) or live session; no config runs the embedded demo
  backtest [config]   run the strategy over history and write the results folder
  providers [--json]  list the installed providers
  schema <name>       print the JSON Schema of a provider's config ("config" for the whole file, "risk" for risk limits)
  validate <config>   check a config file and report every problem at once
  help [command]      this text, or a command's help

Run "argo help <command>" or "argo <command> --help" for a command's options.
Exit codes: 0 ok (or a run stopped cleanly by SIGINT/SIGTERM), 1 failed while running (or a backtest stopped before
its end: partial results), 2 usage error, 3 invalid config, 4 live trading not confirmed.`,
  run: `Usage: argo run [config.yaml|config.json] [options]

Runs a session. With no config, runs the embedded demo (simulated data, paper trading, status API on 127.0.0.1:8787).
Paper trading is the default; a provider that trades real money needs --live and a typed confirmation (or
ARGO_CONFIRM_LIVE=<account> when nothing is interactive). SIGINT/SIGTERM stop the session cleanly.

Options:
${SESSION_FLAGS}
  --data-dir <dir>                 session directory (journal database)
  --status-port <port>             status API port (0 = any free port)
  --live                           allow a live (real money) trading provider
  -h, --help                       this text

Environment: \${VAR} and \${VAR:-default} in the file are substituted; ARGO__SECTION__KEY=value overrides a key.`,
  backtest: `Usage: argo backtest [config] [options]

Runs the strategy over historical bars in virtual time against the paper venue and writes stats.json, run.json,
trades.csv, equity.csv, open-trades.csv and report.html to the output folder, then prints a summary. run.json says
how the run went: completed or aborted (and why), the bars replayed, problem counts and warnings. SIGINT/SIGTERM
stop it: the results so far are written, marked aborted, and the exit code is 1 (not 0: they are not a finished run).
A second one exits with 130, but only once the results are written in full (the copy a wrapper such as
\`bun run\` forwards within half a second of the first is not a second one).

Options:
${SESSION_FLAGS}
  --from <YYYY-MM-DD>              first bar date (inclusive)
  --to <YYYY-MM-DD>                end date (exclusive): bars from this day on are not replayed
  --output <dir>                   results folder (default ./backtest-results)
  --no-progress                    no progress bar
  -h, --help                       this text`,
  providers: `Usage: argo providers [--json] [--plugin <package>]…

Lists installed providers: name, kind, paper or live, description.`,
  schema: `Usage: argo schema <provider|config|risk> [--plugin <package>]…

Prints a JSON Schema: of a provider's config, of the whole config file ("config"), or of the risk section ("risk").`,
  validate: `Usage: argo validate <config>

Checks a config file — the file's shape, the providers' configs, the strategy and its config, the risk limits — and
prints every problem with its path. Secrets are never printed. Exit code 0 when valid, 3 when not.`,
};

import { toArgoError } from "@argo/core";
import pkg from "../package.json" with { type: "json" };
import { failureExit } from "./cli/config-refusal.ts";
import { EXIT, type ExitCode } from "./cli/exit-codes.ts";
import { HELP } from "./cli/help-text.ts";
import type { Io } from "./cli/io.ts";
import { COMMANDS, type Command, parseCli } from "./cli/parse-cli.ts";
import { UsageError } from "./cli/usage-error.ts";
import { backtestCommand } from "./commands/backtest-command.ts";
import { providersCommand } from "./commands/providers-command.ts";
import { runCommand } from "./commands/run-command.ts";
import { schemaCommand } from "./commands/schema-command.ts";
import { validateCommand } from "./commands/validate-command.ts";

const HANDLERS: Record<Exclude<Command, "help">, (cli: ReturnType<typeof parseCli>, io: Io) => Promise<ExitCode>> = {
  run: runCommand,
  backtest: backtestCommand,
  providers: providersCommand,
  schema: schemaCommand,
  validate: validateCommand,
};

/** Runs `argo` with the given arguments; resolves with the exit code. Every failure is a message, never a stack trace. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let command: Command | undefined;
  try {
    const cli = parseCli(argv);
    command = cli.command;
    if (cli.flags.version) {
      io.out(pkg.version);
      return EXIT.OK;
    }
    if (cli.command === "help") {
      // `argo help run` is `argo run --help`; `argo help --help` is the overview.
      io.out(HELP[cli.help ? "help" : helpTopic(cli.positionals)]);
      return EXIT.OK;
    }
    if (cli.help) {
      io.out(HELP[cli.command]);
      return EXIT.OK;
    }
    return await HANDLERS[cli.command](cli, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`argo: ${error.message}\n\n${HELP[(error.command ?? command ?? "help") as Command]}`);
      return EXIT.USAGE;
    }
    io.err(`argo: ${toArgoError(error).message}`);
    return failureExit(error);
  }
}

/** The help `argo help [command]` prints: the overview, or that command's own (what `argo <command> --help` prints). */
function helpTopic(positionals: readonly string[]): Command {
  const [topic, ...extra] = positionals;
  if (topic === undefined) return "help";
  if (!(COMMANDS as readonly string[]).includes(topic)) throw new UsageError(`unknown command "${topic}"; commands: ${COMMANDS.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`"argo help" takes one command, got ${positionals.length}: ${positionals.join(" ")}`);
  return topic as Command;
}

import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";
import { UsageError } from "../cli/usage-error.ts";
import { buildRawConfig } from "../config/build-raw-config.ts";
import { formatIssues } from "../config/format-issues.ts";
import { validateConfig } from "../config/validate-config.ts";

/** `argo validate <config>`: every problem at once with its path (exit 3), or a summary of the valid session (exit 0). */
export async function validateCommand(cli: ParsedCli, io: Io): Promise<ExitCode> {
  const path = cli.positionals[0];
  if (!path) throw new UsageError("name the config file to validate", "validate");
  const raw = await buildRawConfig(path, {}, io.env, io.cwd);
  // As `argo run` says them before it starts: an ARGO_ variable misspelt as an override is ignored there too.
  for (const notice of raw.notices ?? []) io.err(`argo: ${notice}`);
  const outcome = await validateConfig(raw);
  if (!outcome.ok) {
    io.err(formatIssues(path, outcome.issues));
    return EXIT.INVALID_CONFIG;
  }
  const { session } = outcome;
  const live = !session.trading.info.isPaperTrading;
  io.out(
    [
      `${path}: valid`,
      `  strategy      ${session.strategy.name} (${session.config.strategy.path})`,
      `  market data   ${session.marketData.info.name}`,
      `  trading       ${session.trading.info.name}${live ? "  (LIVE: real money; needs --live and confirmation)" : "  (paper)"}`,
      `  symbols       ${session.config.engine?.symbols.join(", ")} @ ${session.config.engine?.interval}`,
      "",
      JSON.stringify(session.redacted, null, 2),
    ].join("\n"),
  );
  return EXIT.OK;
}

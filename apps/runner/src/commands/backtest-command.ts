import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";

/** `argo backtest [config]`: not wired yet. */
export async function backtestCommand(_cli: ParsedCli, io: Io): Promise<ExitCode> {
  io.err("argo: backtest is not available yet");
  return EXIT.FAILURE;
}

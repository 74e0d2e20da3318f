import { listProviders } from "@argo/core";
import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";
import { loadInstalledFirstParty, loadProviders } from "../plugins/load-providers.ts";

/** `argo providers [--json]`: every installed provider with its kind, paper/live flag and description. */
export async function providersCommand(cli: ParsedCli, io: Io): Promise<ExitCode> {
  await loadInstalledFirstParty(io.cwd);
  const registered = await loadProviders((cli.flags.plugin as string[] | undefined) ?? [], [], io.cwd);
  // A plugin asked for that adds nothing to the list is named, not passed over in silence (stderr: stdout stays the list).
  for (const [plugin, names] of registered) {
    if (names.length === 0) io.err(`argo: plugin package ${JSON.stringify(plugin)} registered no provider as it was imported (a plugin must call registerProvider when imported)`);
  }
  const providers = listProviders();
  if (cli.flags.json) {
    io.out(JSON.stringify(providers, null, 2));
    return EXIT.OK;
  }
  const rows = providers.map((p) => [p.name, p.kind, p.isPaperTrading ? "paper" : "LIVE", p.packageName, p.description]);
  const header = ["NAME", "KIND", "MONEY", "PACKAGE", "DESCRIPTION"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  io.out([line(header), ...rows.map(line)].join("\n"));
  return EXIT.OK;
}

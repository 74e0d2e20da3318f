#!/usr/bin/env bun
// The `argo` command. SIGINT, SIGTERM and SIGHUP (the terminal or ssh session closed; unless started under nohup) abort the signal; the run command then stops the session cleanly. A second one
// exits at once, except while results are being written; a copy of the first within half a second (one Ctrl-C under a
// wrapper arrives twice) is not a second one (see cli/signal-exit.ts).
import { processIo } from "./cli/io.ts";
import { sighupIgnored } from "./cli/sighup-ignored.ts";
import { signalExit } from "./cli/signal-exit.ts";
import { main } from "./main.ts";

const signals = signalExit(
  (code) => process.exit(code),
  (text) => process.stderr.write(`${text}\n`),
);
// SIGHUP only when it was not ignored at start: `nohup argo run` must keep running when the terminal closes.
const names = sighupIgnored() ? (["SIGINT", "SIGTERM"] as const) : (["SIGINT", "SIGTERM", "SIGHUP"] as const);
for (const name of names) process.on(name, () => signals.receive(name));
const code = await main(process.argv.slice(2), processIo(signals.signal, signals.uninterrupted));
process.exit(code);

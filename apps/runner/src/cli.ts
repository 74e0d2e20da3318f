#!/usr/bin/env bun
// The `argo` command. SIGINT and SIGTERM abort the signal; the run command then stops the session cleanly.
import { processIo } from "./cli/io.ts";
import { main } from "./main.ts";

const stop = new AbortController();
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    // A second signal while stopping means "now".
    if (stop.signal.aborted) process.exit(130);
    stop.abort(name);
  });
}
const code = await main(process.argv.slice(2), processIo(stop.signal));
process.exit(code);

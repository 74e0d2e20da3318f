// The runner's own process fixtures (spawn with an isolated environment, collect output, wait for the listening line)
// serve the end-to-end tests too: only the demo session on top of them is theirs.
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LISTENING_LINE } from "../../../apps/runner/src/__fixtures__/capture-io.ts";
import { DEMO_YAML } from "../../../apps/runner/src/__fixtures__/session-config.ts";
import { spawnCli } from "../../../apps/runner/src/__fixtures__/spawn-cli.ts";

export { logLines } from "../../../apps/runner/src/__fixtures__/capture-io.ts";

/** A spawned demo session: its status API URL, its data dir and its output. */
export interface DemoRunner {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  url: string;
  dataDir: string;
  stderr(): string;
  stdout(): string;
  /** Exit code once the process ended and its output was read to the end. */
  exited: Promise<number>;
  /** Kills the process if it still runs and removes the temp dir; call in finally. */
  dispose(): Promise<void>;
}

/** Options of {@link startDemoRunner}. */
export interface DemoRunnerOptions {
  /** Milliseconds between simulated bars (the demo file says 250; tests go faster). */
  barDelayMs?: number;
  /** Extra environment, e.g. ARGO__STATUS__TOKEN. */
  env?: Record<string, string>;
}

/**
 * Spawns `argo run examples/demo.yaml` on a free port with an isolated journal and a faster bar feed, and resolves
 * once the "status API and dashboard listening" line names its URL. `--market-data-config` replaces the whole
 * provider config, so it is the demo's own config with only barDelayMs changed.
 */
export async function startDemoRunner(options: DemoRunnerOptions = {}): Promise<DemoRunner> {
  const dir = mkdtempSync(join(tmpdir(), "argo-e2e-"));
  const dataDir = join(dir, "data");
  const demo = Bun.YAML.parse(await Bun.file(DEMO_YAML).text()) as { market_data: { config: Record<string, unknown> } };
  const marketData = join(dir, "market-data.json");
  writeFileSync(marketData, JSON.stringify({ ...demo.market_data.config, barDelayMs: options.barDelayMs ?? 20 }));
  const cli = spawnCli(["run", DEMO_YAML, "--status-port", "0", "--data-dir", dataDir, "--market-data-config", marketData], options.env, dir);
  const dispose = async () => {
    cli.kill();
    await cli.exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [, url] = await cli.waitForErr(LISTENING_LINE, 15_000);
    return { proc: cli.proc, url: url!, dataDir, stderr: cli.stderr, stdout: cli.stdout, exited: cli.exited, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

import type { Subprocess } from "bun";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root, the runner's entry point and the demo config. */
export const ROOT = resolve(import.meta.dir, "../../..");
export const CLI = join(ROOT, "apps/runner/src/cli.ts");
export const DEMO = join(ROOT, "examples/demo.yaml");

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

async function drain(stream: ReadableStream<Uint8Array>, sink: string[]): Promise<void> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) sink.push(decoder.decode(r.value, { stream: true }));
}

/**
 * Spawns `argo run examples/demo.yaml` on a free port with an isolated journal and a faster bar feed, and resolves
 * once the "status API and dashboard listening" line names its URL. `--market-data-config` replaces the whole
 * provider config, so it is the demo's own config with only barDelayMs changed.
 */
export async function startDemoRunner(options: DemoRunnerOptions = {}): Promise<DemoRunner> {
  const dir = mkdtempSync(join(tmpdir(), "argo-e2e-"));
  const dataDir = join(dir, "data");
  const demo = Bun.YAML.parse(await Bun.file(DEMO).text()) as { market_data: { config: Record<string, unknown> } };
  const marketData = join(dir, "market-data.json");
  writeFileSync(marketData, JSON.stringify({ ...demo.market_data.config, barDelayMs: options.barDelayMs ?? 20 }));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ARGO__") && k !== "ARGO_CONFIRM_LIVE"));
  const proc = Bun.spawn(["bun", CLI, "run", DEMO, "--status-port", "0", "--data-dir", dataDir, "--market-data-config", marketData], {
    cwd: dir,
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
    env: { ...env, ...options.env },
  });
  const out: string[] = [];
  const err: string[] = [];
  const read = Promise.all([drain(proc.stdout, out), drain(proc.stderr, err)]);
  let ended = false;
  const exited = proc.exited.then(async (code) => {
    ended = true;
    await read;
    return code;
  });
  const dispose = async () => {
    if (!ended) proc.kill("SIGKILL");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 15_000;
    let url: string | undefined;
    while (!url) {
      url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"status API and dashboard listening"/.exec(err.join(""))?.[1];
      if (url) break;
      if (ended || Date.now() > deadline) throw new Error(`the runner did not start its status API:\n${err.join("")}`);
      await Bun.sleep(20);
    }
    return { proc, url, dataDir, stderr: () => err.join(""), stdout: () => out.join(""), exited, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Polls `probe` until it returns something other than undefined/false; throws after `limitMs` (a failure, not a timing check). */
export async function until<T>(probe: () => Promise<T | undefined | false>, what: string, limitMs = 15_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await Bun.sleep(25);
  }
}

/** The JSON log lines of a runner's stderr. */
export function logLines(stderr: string): Array<Record<string, unknown>> {
  return stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
}

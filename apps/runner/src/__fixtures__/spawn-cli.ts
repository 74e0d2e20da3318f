import type { Subprocess } from "bun";
import { CLI } from "./session-config.ts";

/** A spawned `bun cli.ts …` with its output collected as it comes. */
export interface SpawnedCli {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  stdout(): string;
  stderr(): string;
  /** Exit code once the process ended (and its output was read to the end). */
  exited: Promise<number>;
  /** Resolves with the first match on stderr; rejects when the process exits first or after `limitMs`. */
  waitForErr(pattern: RegExp, limitMs?: number): Promise<RegExpMatchArray>;
  /** Kills the process if it still runs (for finally blocks). */
  kill(): void;
}

async function drain(stream: ReadableStream<Uint8Array>, sink: string[]): Promise<void> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) sink.push(decoder.decode(r.value, { stream: true }));
}

/** This process's environment without anything that steers argo (ARGO__ overrides, a live confirmation). */
export function isolatedEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ARGO__") && name !== "ARGO_CONFIRM_LIVE"));
}

/** Spawns the runner's CLI with `args`, stdin closed (not a terminal), `env` on top of an isolated copy of this environment. */
export function spawnCli(args: string[], env: Record<string, string> = {}, cwd?: string): SpawnedCli {
  const proc = Bun.spawn(["bun", CLI, ...args], { stdin: "ignore", stdout: "pipe", stderr: "pipe", env: { ...isolatedEnv(), ...env }, ...(cwd ? { cwd } : {}) });
  const out: string[] = [];
  const err: string[] = [];
  const read = Promise.all([drain(proc.stdout, out), drain(proc.stderr, err)]);
  const exited = proc.exited.then(async (code) => {
    await read;
    return code;
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    proc,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    exited,
    async waitForErr(pattern, limitMs = 15_000) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const match = err.join("").match(pattern);
        if (match) return match;
        if (done) throw new Error(`exited before stderr matched ${pattern}:\n${err.join("")}`);
        if (Date.now() > deadline) throw new Error(`stderr never matched ${pattern}:\n${err.join("")}`);
        await Bun.sleep(20);
      }
    },
    kill: () => {
      if (!done) proc.kill("SIGKILL");
    },
  };
}

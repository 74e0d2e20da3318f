// An `engine.data_dir` that cannot hold the journal (a file in its place or on its path, a directory the process may not
// write to) is a config mistake `argo validate` and `argo run` report at engine.data_dir before anything starts (exit 3),
// not an INTERNAL error of the engine naming mkdir or an internal draft file (exit 1, after validate called it valid).
// A backtest keeps no journal: it is not checked there.
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { CLI, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-data-dir-");
afterAll(() => tmp.cleanup());

/** A folder of its own holding a file named `data`, and a config whose data_dir is `dataDir` (relative to that folder). */
function withFileNamedData(name: string, dataDir = "./data") {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "data"), "x");
  return { dir, path: writeConfig(dir, "argo.json", quickSessionConfig(dataDir)) };
}

describe("a file where data_dir should be", () => {
  test.each(["validate", "run"])("argo %s: exit 3, the problem once at engine.data_dir naming the directory, resolved against the working directory", async (command) => {
    const { dir, path } = withFileNamedData(command);
    const c = captureIo({ cwd: dir });
    const code = await main([command, path], c.io);
    // The config's ./data, taken from the working directory as `argo run` does.
    expect([code, c.all()]).toEqual([3, `${path}: 1 problem\n  ✗ engine.data_dir: ${join(dir, "data")} is not a directory\n`]);
  });

  test("a file on its path: the message names that file, and the variable that set the field", async () => {
    const { dir, path } = withFileNamedData("on-path");
    const c = captureIo({ cwd: dir, env: { ARGO__ENGINE__DATA_DIR: "./data/sessions" } });
    expect(await main(["validate", path], c.io)).toBe(3);
    const file = join(dir, "data");
    expect(c.stderr()).toContain(`engine.data_dir: ${file}/sessions is not a directory: ${file} on its path is a file; set by the environment variable ARGO__ENGINE__DATA_DIR\n`);
  });

  test("a backtest's validation (no status API, no journal) does not judge data_dir", async () => {
    const { dir } = withFileNamedData("backtest");
    const outcome = await validateConfig({ raw: quickSessionConfig("./data"), baseDir: dir, cwd: dir }, { serveStatus: false });
    expect(outcome.ok ? "valid" : outcome.issues).toBe("valid");
  });

  test("a directory to be created below a writable one, or one that exists, is no problem", async () => {
    for (const dataDir of ["./new/sessions", tmp.dir]) {
      const outcome = await validateConfig({ raw: quickSessionConfig(dataDir), baseDir: tmp.dir, cwd: tmp.dir });
      expect(outcome.ok ? "valid" : outcome.issues).toBe("valid");
    }
  });
});

const asRootWithoutSetpriv = process.getuid?.() === 0 && Bun.which("setpriv") === null;

/** Runs `command` as a process that may not write where root could (dropped to nobody when this one is root). */
async function unprivileged(command: string[]): Promise<{ code: number; out: string; err: string }> {
  const asRoot = process.getuid?.() === 0;
  const argv = asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...command] : command;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ARGO__")));
  const child = Bun.spawn(argv, { cwd: tmp.dir, env: { ...env, HOME: tmp.dir }, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const [out, err] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()]);
  return { code: await child.exited, out, err };
}

// Root may write anywhere: the check runs in a child process dropped to nobody (setpriv); skipped as root without it.
describe.skipIf(asRootWithoutSetpriv)("a data_dir this process may not write to", () => {
  test("argo validate: '<dir> is not writable: permission denied', and below it '<dir> cannot be created: <parent> is not writable'", async () => {
    const locked = join(tmp.dir, "read-only");
    mkdirSync(locked);
    chmodSync(tmp.dir, 0o755);
    chmodSync(locked, 0o555);
    try {
      for (const [dataDir, message] of [
        ["./read-only", `${locked} is not writable: permission denied`],
        ["./read-only/sessions", `${locked}/sessions cannot be created: ${locked} is not writable: permission denied`],
      ] as const) {
        const path = writeConfig(tmp.dir, "validate-read-only.json", quickSessionConfig(dataDir));
        chmodSync(path, 0o644);
        const validate = await unprivileged(["bun", CLI, "validate", path]);
        expect([validate.code, validate.err]).toEqual([3, `${path}: 1 problem\n  ✗ engine.data_dir: ${message}\n`]);
      }
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  test("argo run: exit 3 before anything starts, the problem once at engine.data_dir (not INTERNAL naming journal.lock.<pid>)", async () => {
    const locked = join(tmp.dir, "run-read-only");
    mkdirSync(locked);
    chmodSync(tmp.dir, 0o755);
    chmodSync(locked, 0o555);
    const path = writeConfig(tmp.dir, "run-read-only.json", quickSessionConfig("./run-read-only"));
    chmodSync(path, 0o644);
    try {
      const run = await unprivileged(["bun", CLI, "run", path]);
      expect([run.code, run.out, run.err]).toEqual([3, "", `${path}: 1 problem\n  ✗ engine.data_dir: ${locked} is not writable: permission denied\n`]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

// A journal.sqlite the process may not write, in a directory it may: SQLite opened it read-only without a word and the
// session halted at its first write (exit 1, after validate called the config valid). Now refused at start, naming it.
describe.skipIf(asRootWithoutSetpriv)("a journal file in data_dir this process may not write", () => {
  test.each(["validate", "run"])("argo %s: exit 3, '<data_dir>/journal.sqlite is not writable: permission denied'", async (command) => {
    const dir = join(tmp.dir, `read-only-journal-${command}`);
    mkdirSync(dir);
    const file = join(dir, "journal.sqlite");
    writeFileSync(file, "");
    chmodSync(tmp.dir, 0o755);
    // Anyone may create files in the directory; the journal file is root's, read-only to everyone else.
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    const path = writeConfig(tmp.dir, `${command}-read-only-journal.json`, quickSessionConfig(dir));
    chmodSync(path, 0o644);
    const result = await unprivileged(["bun", CLI, command, path]);
    expect([result.code, result.out, result.err]).toEqual([3, "", `${path}: 1 problem\n  ✗ engine.data_dir: ${file} is not writable: permission denied\n`]);
  });
});

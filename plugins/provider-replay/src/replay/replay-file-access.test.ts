import { afterAll, describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError, parseConfig } from "@argo/core";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "./create-replay-provider.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";
import { describeReplayFiles, replayFileIssues } from "./replay-file.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-access-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = join(dir, "good.csv");
writeFileSync(good, "time,open,high,low,close,volume\n2024-01-01,10,12,9,11,100\n");
const asRoot = process.getuid?.() === 0;

/** A config with a good file first and `path` second, so the issue is expected at files.1.path. */
const config = (path: string) =>
  parseConfig(replayConfigSchema, { baseDir: dir, files: [{ path: "good.csv", symbol: "G", interval: "1d" }, { path, symbol: "X", interval: "1d", format: "csv" }] }, { label: "replay config" });
const check = (path: string) => replayProviderDefinition.checkSession(config(path), { symbols: ["G", "X"], interval: "1d" });

async function rejection(run: () => Promise<unknown>): Promise<ArgoError> {
  try {
    await run();
  } catch (error) {
    if (isArgoError(error)) return error;
    throw new Error(`expected an ArgoError, got ${String(error)}`);
  }
  throw new Error("expected a rejection");
}

describe("a data file that is not a readable regular file is refused at files.N.path before anything starts", () => {
  test("a directory: the check names it, and creation refuses it (a run used to die with a bare EISDIR)", async () => {
    mkdirSync(join(dir, "folder.csv"));
    // Message parts written by hand: the label as configured, the path it resolves to against baseDir, what is wrong.
    expect(check("folder.csv")).toEqual([{ path: "files.1.path", message: `"folder.csv" (resolved to ${join(dir, "folder.csv")}) is a directory, not a data file` }]);
    const error = await rejection(() => replayProviderDefinition.create(config("folder.csv")));
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.details).toMatchObject({ field: "files.1.path" });
    expect(error.message).toContain('files.1.path: "folder.csv"');
  });

  test("a named pipe: refused by the stat-based file check, which never opens it", () => {
    const fifo = join(dir, "pipe.csv");
    expect(Bun.spawnSync(["mkfifo", fifo]).exitCode).toBe(0);
    const issues = replayFileIssues(describeReplayFiles(config("pipe.csv")));
    expect(issues).toEqual([{ path: "files.1.path", message: expect.stringContaining('"pipe.csv" (resolved to ') }]);
    expect(issues[0]!.message).toContain("is not a regular file (a named pipe)");
  });

  // The whole session check in a child process, killed after 10 s: before the mend it blocked for good in a synchronous
  // open of the pipe (SIGTERM ignored), and a test in this process would have hung with it. It ends at once now.
  test("a named pipe: the whole session check returns its issue instead of blocking on the pipe", () => {
    const fifo = join(dir, "pipe2.csv");
    expect(Bun.spawnSync(["mkfifo", fifo]).exitCode).toBe(0);
    const script = join(dir, "check-pipe.ts");
    const definition = JSON.stringify(join(import.meta.dir, "replay-definition.ts"));
    // Already in the parsed form (timeFormat and speed defaulted), so the child needs no config parsing.
    const parsed = JSON.stringify({ baseDir: dir, speed: 0, files: [{ path: "pipe2.csv", symbol: "X", interval: "1d", timeFormat: "iso" }] });
    writeFileSync(script, `import { replayProviderDefinition } from ${definition};\nconsole.log(JSON.stringify(replayProviderDefinition.checkSession(${parsed}, { symbols: ["X"], interval: "1d" })));\n`);
    const child = Bun.spawnSync({ cmd: [process.execPath, script], timeout: 10_000, killSignal: "SIGKILL", stderr: "pipe" });
    expect({ timedOut: child.exitedDueToTimeout ?? false, exitCode: child.exitCode, stderr: child.stderr.toString() }).toEqual({ timedOut: false, exitCode: 0, stderr: "" });
    const issues = JSON.parse(child.stdout.toString()) as { path: string; message: string }[];
    expect(issues.map((issue) => issue.path)).toEqual(["files.0.path"]);
    expect(issues[0]!.message).toContain('"pipe2.csv" (resolved to ');
    expect(issues[0]!.message).toContain("is not a regular file (a named pipe)");
  }, 20_000);

  // Root reads any file whatever its mode, so the case cannot be set up as root: skipped there.
  test.skipIf(asRoot)("a file the process cannot read: the check says so, and a file made unreadable after creation fails naming it", async () => {
    const locked = join(dir, "locked.csv");
    writeFileSync(locked, "time,open,high,low,close,volume\n2024-01-01,10,12,9,11,100\n");
    chmodSync(locked, 0o000);
    try {
      expect(check("locked.csv")).toEqual([{ path: "files.1.path", message: `"locked.csv" (resolved to ${locked}) cannot be read: permission denied` }]);
      chmodSync(locked, 0o644);
      const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "locked.csv", symbol: "X", interval: "1d" }] });
      chmodSync(locked, 0o000);
      const error = await rejection(() => Array.fromAsync(provider.history("X", "1d", 0, Number.POSITIVE_INFINITY)));
      expect(error.code).toBe("INVALID_CONFIGURATION");
      expect(error.message).toBe(`invalid replay config: files.0.path: "locked.csv" (resolved to ${locked}) cannot be read: permission denied`);
    } finally {
      chmodSync(locked, 0o644);
    }
  });
});

describe("a file-system error while reading is an ArgoError naming the file and field", () => {
  test("a file replaced by a directory after creation: history and stream fail with INVALID_CONFIGURATION at files.0.path, not a bare EISDIR", async () => {
    const path = join(dir, "later.csv");
    writeFileSync(path, "time,open,high,low,close,volume\n2024-01-01,10,12,9,11,100\n");
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "later.csv", symbol: "X", interval: "1d" }] });
    rmSync(path);
    mkdirSync(path);
    const expected = `invalid replay config: files.0.path: "later.csv" (resolved to ${path}) is a directory, not a data file`;
    const fromHistory = await rejection(() => Array.fromAsync(provider.history("X", "1d", 0, Number.POSITIVE_INFINITY)));
    expect([fromHistory.code, fromHistory.message, fromHistory.details?.field]).toEqual(["INVALID_CONFIGURATION", expected, "files.0.path"]);
    const fromStream = await rejection(() => Array.fromAsync(provider.stream(["X"], "1d")));
    expect([fromStream.code, fromStream.message]).toEqual(["INVALID_CONFIGURATION", expected]);
  });

  test("a file removed after creation still fails as not found (unchanged)", async () => {
    const path = join(dir, "gone.csv");
    writeFileSync(path, "time,open,high,low,close,volume\n2024-01-01,10,12,9,11,100\n");
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "gone.csv", symbol: "X", interval: "1d" }] });
    rmSync(path);
    const error = await rejection(() => Array.fromAsync(provider.history("X", "1d", 0, Number.POSITIVE_INFINITY)));
    expect(error.message).toBe(`invalid replay config: files.0.path: file not found: "gone.csv" (resolved to ${path})`);
  });
});

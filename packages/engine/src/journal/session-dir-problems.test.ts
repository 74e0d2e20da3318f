// A session directory that cannot be one (a file in its place or on its path) or that this process may not write to is a
// config mistake: INVALID_CONFIGURATION naming the directory and what is wrong, never INTERNAL naming `mkdir` or an
// internal draft file (journal.lock.<pid>). On the old code these were raw EEXIST / EACCES errors.
import { isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bar } from "../backtest/backtest.test-helper.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-session-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The code and message `open` is refused with. */
function refusal(open: () => unknown): [string, string] {
  try {
    open();
  } catch (error) {
    if (isArgoError(error)) return [error.code, error.message];
    return ["not an ArgoError", String(error)];
  }
  throw new Error("expected the journal to be refused");
}

describe("a file where the session directory should be", () => {
  test("the directory itself is a file: INVALID_CONFIGURATION '<dir> is not a directory', the file left as it was", () => {
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    expect(refusal(() => new Journal(file))).toEqual(["INVALID_CONFIGURATION", `session directory ${file} is not a directory`]);
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  test("a file on its path: the message names that file", () => {
    const file = join(root, "on-path");
    writeFileSync(file, "x");
    const dir = join(file, "sessions", "one");
    expect(refusal(() => new Journal(dir))).toEqual(["INVALID_CONFIGURATION", `session directory ${dir} is not a directory: ${file} on its path is a file`]);
  });

  test("through the engine: the run rejects with the same INVALID_CONFIGURATION before anything trades", async () => {
    const file = join(root, "engine-file");
    writeFileSync(file, "x");
    let inits = 0;
    const run = await runEngine({ bars: [bar("A", 0, 1, 1, 1, 1)], strategy: testStrategy({ init: () => void inits++ }), engine: { sessionDir: file } });
    expect(isArgoError(run.error) ? [run.error.code, run.error.message] : run.error).toEqual(["INVALID_CONFIGURATION", `session directory ${file} is not a directory`]);
    expect(inits).toBe(0);
  });
});

/**
 * Opens a journal on each of `dirs` as a process that may not write to them, and gives back each refusal's code and
 * message. As root every write is allowed, so the journal is opened by a child process dropped to nobody (setpriv).
 */
async function unprivilegedRefusals(dirs: string[]): Promise<Array<[string, string]>> {
  const script = join(root, "open-journals.ts");
  writeFileSync(script, `import { Journal } from ${JSON.stringify(join(import.meta.dir, "journal.ts"))};
const out = [];
for (const dir of ${JSON.stringify(dirs)}) {
  try { new Journal(dir); out.push(["opened", dir]); } catch (error) { out.push([error.code ?? "not an ArgoError", error.message]); }
}
console.log(JSON.stringify(out));`);
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bun", script] : ["bun", script];
  const child = Bun.spawn(command, { cwd: root, env: { ...process.env, HOME: root }, stdout: "pipe", stderr: "pipe" });
  const [out, err] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()]);
  if ((await child.exited) !== 0) throw new Error(`the unprivileged journal process failed: ${err}`);
  return JSON.parse(out) as Array<[string, string]>;
}

const asRootWithoutSetpriv = process.getuid?.() === 0 && Bun.which("setpriv") === null;

// As root without setpriv nothing can be refused for permissions: the case is skipped then.
describe.skipIf(asRootWithoutSetpriv)("a session directory this process may not write to", () => {
  test("INVALID_CONFIGURATION '<dir> is not writable: permission denied' (or 'cannot be created' below it), no draft file named or left", async () => {
    const locked = join(root, "read-only");
    mkdirSync(locked);
    const below = join(locked, "sessions");
    // Readable and searchable by everyone, writable by nobody but root (and not even by the owner when not root).
    chmodSync(root, 0o755);
    chmodSync(locked, 0o555);
    try {
      const refused = await unprivilegedRefusals([locked, below]);
      expect(refused).toEqual([
        ["INVALID_CONFIGURATION", `session directory ${locked} is not writable: permission denied`],
        ["INVALID_CONFIGURATION", `session directory ${below} cannot be created: permission denied`],
      ]);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

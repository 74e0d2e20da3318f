// The engine used without the runner (a library user's own program) opened a journal.sqlite it may not write: SQLite
// takes such a file read-only without a word, and the session halted at its first write, after trading. The Journal now
// refuses it when it opens, INVALID_CONFIGURATION naming the file. As root every write is allowed, so the program runs
// as nobody (setpriv), as the runner's data_dir test does.
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";

const asRoot = process.getuid?.() === 0;
const cannotDrop = asRoot && Bun.which("setpriv") === null;
const root = mkdtempSync(join(tmpdir(), "argo-read-only-journal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(cannotDrop)("a journal.sqlite this process may not write", () => {
  test("new Journal(dir): INVALID_CONFIGURATION 'session journal <dir>/journal.sqlite is not writable: permission denied'", async () => {
    const dir = join(root, "session");
    mkdirSync(dir);
    const file = join(dir, "journal.sqlite");
    // A journal an earlier session wrote (restored from a backup as read-only, or written by another user).
    new Journal(dir).close("stopped");
    chmodSync(root, 0o755);
    // Anyone may create files in the directory (the claim); the journal file is read-only to everyone but root.
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    const program = `import { Journal } from ${JSON.stringify(join(import.meta.dir, "journal.ts"))};
try { new Journal(${JSON.stringify(dir)}); console.log("opened"); } catch (e) { console.log(e.code + " " + e.message); }`;
    const argv = ["bun", "-e", program];
    const child = Bun.spawn(asRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...argv] : argv, {
      cwd: root,
      env: { ...process.env, HOME: root },
      stdout: "pipe",
      stderr: "pipe",
    });
    const [out, err] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()]);
    expect(await child.exited).toBe(0);
    expect([out.trim(), err]).toEqual([`INVALID_CONFIGURATION session journal ${file} is not writable: permission denied`, ""]);
  });
});

import { isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative as relativeTo } from "node:path";
import { Journal } from "./journal.ts";
import { LOCK_FILE } from "./session-lock.ts";

const root = mkdtempSync(join(tmpdir(), "argo-session-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function refusal(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error.message;
    throw error;
  }
  throw new Error("expected the journal to be refused");
}

/** A process that opens a journal on `dir`, says so, and waits to be killed. */
async function holder(dir: string) {
  const journalModule = join(import.meta.dir, "journal.ts");
  const child = Bun.spawn(["bun", "-e", `const { Journal } = await import(${JSON.stringify(journalModule)}); new Journal(${JSON.stringify(dir)}); console.log("open"); setInterval(() => {}, 1000);`], {
    stdout: "pipe",
    stderr: "inherit",
  });
  const reader = child.stdout.getReader();
  const { value } = await reader.read();
  expect(new TextDecoder().decode(value)).toContain("open");
  return child;
}

describe("one session per directory", () => {
  test("a second journal on a directory another process has open is refused, naming it and the process", async () => {
    const dir = join(root, "shared");
    const child = await holder(dir);
    try {
      const message = refusal(() => new Journal(dir));
      expect(message).toContain(dir);
      expect(message).toContain(`process ${child.pid}`);
    } finally {
      child.kill("SIGKILL");
      await child.exited;
    }
    // Killed without closing: its claim lapsed with it, so the directory can be used again.
    new Journal(dir).close("completed");
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test("within one process too, and closing gives the directory up", () => {
    const dir = join(root, "same-process");
    const first = new Journal(dir);
    expect(refusal(() => new Journal(dir))).toContain(`process ${process.pid}`);
    first.close("completed");
    new Journal(dir).close("completed");
  });

  test("a claim naming a process that no longer exists is taken over", async () => {
    const dir = join(root, "stale");
    mkdirSync(dir, { recursive: true });
    const gone = Bun.spawn(["bun", "-e", "0"]);
    await gone.exited;
    writeFileSync(join(dir, LOCK_FILE), String(gone.pid));
    const journal = new Journal(dir);
    journal.close("completed");
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test("a claim naming this process's pid that this process does not hold (a restart that got the same pid) is taken over", () => {
    const dir = join(root, "same-pid");
    mkdirSync(dir, { recursive: true });
    // What a container's pid 1, killed and restarted as pid 1, finds: its own pid in a claim it never made.
    writeFileSync(join(dir, LOCK_FILE), String(process.pid));
    const journal = new Journal(dir);
    // The claim is now this journal's: a second one in this process is still refused, naming this process.
    expect(refusal(() => new Journal(dir))).toContain(`process ${process.pid}`);
    journal.close("completed");
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test("a claim held in this process is refused by the same directory spelled relatively", () => {
    const dir = join(root, "relative");
    const first = new Journal(dir);
    try {
      const relative = relativeTo(process.cwd(), dir);
      expect(refusal(() => new Journal(relative))).toContain(`process ${process.pid}`);
    } finally {
      first.close("completed");
    }
  });
});


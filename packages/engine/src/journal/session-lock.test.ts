import { isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative as relativeTo } from "node:path";
import { Journal } from "./journal.ts";
import * as sessionLock from "./session-lock.ts";
import { type Claimant, LOCK_FILE } from "./session-lock.ts";

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

  test("a claim released twice gives nothing of another's back: the second release leaves a later claim and its file alone", () => {
    for (const name of ["twice-a", "twice-b"]) mkdirSync(join(root, name));
    const first = sessionLock.SessionLock.acquire(join(root, "twice-a"));
    first.release();
    // The next claim may get the descriptor number the first one closed, and a third engine must still find it held.
    const second = sessionLock.SessionLock.acquire(join(root, "twice-b"));
    const again = sessionLock.SessionLock.acquire(join(root, "twice-a"));
    first.release();
    expect([second.intact(), again.intact()]).toEqual([true, true]);
    expect(refusal(() => sessionLock.SessionLock.acquire(join(root, "twice-a")))).toContain(`process ${process.pid}`);
    second.release();
    again.release();
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


// Pids above Linux's largest: other processes, simulated in this one so every interleaving is played out step by step.
const GONE = 5_000_000;
const alive = new Set<number>();
function processWithPid(pid: number): Claimant {
  alive.add(pid);
  return { pid, isAlive: (other) => alive.has(other), holds: () => true };
}

/** A fresh directory whose claim names a process that is gone. */
function lapsedDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, LOCK_FILE), String(GONE));
  return dir;
}

/** A pid no process has now: a child that has exited. */
async function exitedPid(): Promise<number> {
  const gone = Bun.spawn(["bun", "-e", "0"]);
  await gone.exited;
  return gone.pid;
}

describe("taking over a lapsed claim: one process only", () => {
  test("B judged the claim lapsed, then A took it over: B is refused naming A and A's claim stays", () => {
    const dir = lapsedDir("takeover-after");
    const [a, b] = [processWithPid(5_000_001), processWithPid(5_000_002)];
    const message = refusal(() => sessionLock.claimSessionDir(dir, b, { judgedLapsed: () => void sessionLock.claimSessionDir(dir, a) }));
    expect(message).toContain("in use by process 5000001");
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe("5000001");
    expect(existsSync(join(dir, LOCK_FILE + sessionLock.TAKEOVER_SUFFIX))).toBe(false);
  });

  test("B arrives while A holds the takeover: B is refused naming A, and A's takeover completes", () => {
    const dir = lapsedDir("takeover-during");
    const [a, b] = [processWithPid(5_000_003), processWithPid(5_000_004)];
    let message = "";
    sessionLock.claimSessionDir(dir, a, { holdingTakeover: () => void (message = refusal(() => sessionLock.claimSessionDir(dir, b))) });
    expect(message).toContain("being taken over by process 5000003");
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe("5000003");
  });

  test("five processes that all judged the same claim lapsed: exactly one holds the directory, the rest name it", () => {
    const dir = lapsedDir("takeover-five");
    const claimants = [5_000_011, 5_000_012, 5_000_013, 5_000_014, 5_000_015].map(processWithPid);
    const outcomes: string[] = [];
    // Each judges the claim lapsed before the next one even looks; the last to look is the first to take it over.
    const run = (i: number): void => {
      const next = i + 1 < claimants.length ? () => run(i + 1) : undefined;
      try {
        sessionLock.claimSessionDir(dir, claimants[i]!, { judgedLapsed: next });
        outcomes.push(`${claimants[i]!.pid} holds`);
      } catch (error) {
        if (!isArgoError(error, "INVALID_CONFIGURATION")) throw error;
        outcomes.push(error.message.includes("process 5000015") ? "refused naming 5000015" : error.message);
      }
    };
    run(0);
    expect(outcomes).toEqual(["5000015 holds", ...Array(4).fill("refused naming 5000015")]);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe("5000015");
  });

  test("a takeover interrupted by a crash is refused, naming the file to delete; once deleted, the directory opens", async () => {
    for (const owner of [await exitedPid(), process.pid]) {
      const dir = lapsedDir(`takeover-crashed-${owner}`);
      const takeover = join(dir, LOCK_FILE + sessionLock.TAKEOVER_SUFFIX);
      // What a kill between taking the takeover file and finishing leaves (own pid: an earlier process that had it).
      writeFileSync(takeover, String(owner));
      const message = refusal(() => new Journal(dir));
      expect(message).toContain(`a takeover of its lapsed claim by process ${owner} (`);
      expect(message).toContain("was interrupted");
      expect(message).toContain(`delete ${takeover}`);
      expect([readFileSync(join(dir, LOCK_FILE), "utf8"), existsSync(takeover)]).toEqual([String(GONE), true]);
      rmSync(takeover);
      new Journal(dir).close("completed");
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
  });

  test("a takeover file left after the claim was removed is cleared by the next process to claim the directory", async () => {
    const dir = join(root, "takeover-cleared");
    mkdirSync(dir, { recursive: true });
    const takeover = join(dir, LOCK_FILE + sessionLock.TAKEOVER_SUFFIX);
    writeFileSync(takeover, String(await exitedPid()));
    const journal = new Journal(dir);
    expect(existsSync(takeover)).toBe(false);
    journal.close("completed");
  });

  test("a takeover held by a live process is left alone and named", () => {
    const dir = lapsedDir("takeover-live");
    const takeover = join(dir, LOCK_FILE + sessionLock.TAKEOVER_SUFFIX);
    // Our parent runs for as long as this test does, and is not this process.
    writeFileSync(takeover, String(process.ppid));
    expect(refusal(() => new Journal(dir))).toContain(`being taken over by process ${process.ppid}`);
    expect([readFileSync(takeover, "utf8"), readFileSync(join(dir, LOCK_FILE), "utf8")]).toEqual([String(process.ppid), String(GONE)]);
  });
});

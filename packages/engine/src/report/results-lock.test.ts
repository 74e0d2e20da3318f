import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { lockResultsFolder, RESULTS_LOCK_NAME } from "./results-lock.ts";

const root = mkdtempSync(join(tmpdir(), "argo-results-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;
/** A fresh empty folder. */
function folder(): string {
  const dir = join(root, `f${++made}`);
  mkdirSync(dir);
  return dir;
}
const lockOf = (dir: string) => join(dir, RESULTS_LOCK_NAME);
const holderOf = (dir: string) => JSON.parse(readFileSync(lockOf(dir), "utf8")) as { pid: number; host: string; token: string };

/** The pid of a process that has exited (its number free again, not reused this soon). */
async function deadPid(): Promise<number> {
  const child = Bun.spawn(["bun", "-e", ""], { stdout: "ignore", stderr: "ignore" });
  await child.exited;
  return child.pid;
}

describe("lockResultsFolder", () => {
  test("holds the folder for one writer: a second is refused naming the folder, the pid and the lock; released, it is free", async () => {
    const dir = folder();
    const unlock = await lockResultsFolder(dir);
    expect(holderOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    const refused = lockResultsFolder(dir);
    await expect(refused).rejects.toThrow(`results folder ${dir} is being written by another process (pid ${process.pid})`);
    await expect(refused).rejects.toThrow(`delete ${lockOf(dir)} if no argo is writing it`);
    await unlock();
    expect(existsSync(lockOf(dir))).toBe(false);
    const again = await lockResultsFolder(dir);
    await again();
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  test("a lock left by a dead process on this host is taken over", async () => {
    const dir = folder();
    const pid = await deadPid();
    writeFileSync(lockOf(dir), JSON.stringify({ pid, host: hostname(), token: "dead-writer" }));
    const unlock = await lockResultsFolder(dir);
    const holder = holderOf(dir);
    expect([holder.pid, holder.token === "dead-writer"]).toEqual([process.pid, false]);
    await unlock();
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  test("a lock from another host counts as held: its pid cannot be checked from here", async () => {
    const dir = folder();
    const pid = await deadPid();
    writeFileSync(lockOf(dir), JSON.stringify({ pid, host: "other-host.invalid", token: "remote" }));
    await expect(lockResultsFolder(dir)).rejects.toThrow(`(pid ${pid} on other-host.invalid)`);
    expect(holderOf(dir).token).toBe("remote");
  });

  test("an unreadable lock (a writer that has created it but not yet filled it) counts as held", async () => {
    const dir = folder();
    writeFileSync(lockOf(dir), "");
    await expect(lockResultsFolder(dir)).rejects.toThrow(`results folder ${dir} is being written by another process;`);
    expect(readFileSync(lockOf(dir), "utf8")).toBe("");
  });

  test("giving the folder back leaves a lock that is no longer this writer's", async () => {
    const dir = folder();
    const unlock = await lockResultsFolder(dir);
    const other = JSON.stringify({ pid: process.pid, host: hostname(), token: "took-over" });
    writeFileSync(lockOf(dir), other);
    await unlock();
    expect(readFileSync(lockOf(dir), "utf8")).toBe(other);
  });
});

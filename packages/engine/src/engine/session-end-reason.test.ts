// Through the engine: the journal's sessions table records why each session ended (before: only "aborted" / "failed",
// with no column saying why), and a strategy whose name the redaction rewrites gets its ctx.state back at a restart
// (before: looked up by the raw name, it found none). Expectations are the reasons and values given, by hand.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-end-reason-engine-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = "sk-live-0123456789abcdef";
const ends = (dir: string) => journalRows<{ status: string; end_reason: string | null }>(dir, "SELECT status, end_reason FROM sessions ORDER BY id");

describe("the journal says why the session ended", () => {
  test("stopped by a signal: aborted, with the signal's reason as the runner gives it", async () => {
    const sessionDir = join(root, "sigint");
    const stop = new AbortController();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), signal: stop.signal, engine: { sessionDir, mode: "paper" },
      strategy: testStrategy({ onBar: (_bar, ctx) => void (ctx.history().length === 2 && stop.abort("SIGINT")) }),
    });
    expect(run.result?.status).toBe("aborted");
    expect(ends(sessionDir)).toEqual([{ status: "aborted", end_reason: "SIGINT" }]);
  });

  test("a reason holding a secret is stored redacted", async () => {
    const sessionDir = join(root, "secret-reason");
    const stop = new AbortController();
    await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), signal: stop.signal, engine: { sessionDir, mode: "paper", secrets: [SECRET] },
      strategy: testStrategy({ onBar: () => void stop.abort(`stopped by ${SECRET}`) }),
    });
    expect(ends(sessionDir)).toEqual([{ status: "aborted", end_reason: "stopped by [REDACTED]" }]);
  });

  test("a fatal error: failed, with its code and message; a session that ran to the end: completed, no reason", async () => {
    const sessionDir = join(root, "fatal");
    const failed = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), data: { throwAfter: 1 }, engine: { sessionDir, mode: "paper" }, strategy: testStrategy({}) });
    const error = failed.error as { code: string; message: string };
    // The fake feed throws Error("feed exploded") after its first bar; the session's fatal error carries that message.
    expect(error.message).toContain("feed exploded");
    await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), engine: { sessionDir, mode: "paper" }, strategy: testStrategy({}) });
    expect(ends(sessionDir)).toEqual([
      { status: "failed", end_reason: `${error.code}: ${error.message}` },
      { status: "completed", end_reason: null },
    ]);
  });
});

describe("ctx.state of a strategy whose name the redaction rewrites", () => {
  test("survives a restart: the second session's init sees what the first set", async () => {
    const sessionDir = join(root, "state");
    const name = `grid-${SECRET}`;
    const engine = { sessionDir, mode: "paper" as const, secrets: [SECRET] };
    await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), engine,
      strategy: testStrategy({ onBar: (_bar, ctx) => ctx.state.set("seen", (ctx.state.get<number>("seen") ?? 0) + 1) }, name),
    });
    let seen: unknown = "init not run";
    const second = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), engine,
      strategy: testStrategy({ init: (ctx) => void (seen = ctx.state.get("seen")) }, name),
    });
    expect(second.error).toBeUndefined();
    // Three bars in the first session, one count each. Before: undefined (the state was not found).
    expect(seen).toBe(3);
  });
});

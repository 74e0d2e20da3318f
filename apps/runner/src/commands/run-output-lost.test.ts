// `argo run` whose log can no longer be written (its stderr/stdout pipe closed: `argo run 2>&1 | head -1`, a log shipper
// that died) stops the session as a failure, where before it traded on to the end with nobody seeing a line: the stop
// is the clean one a signal gives (journal closed, session marked aborted), the exit code 1, never a crash.
import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo, logLines } from "../__fixtures__/capture-io.ts";
import { CLI, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { isolatedEnv } from "../__fixtures__/spawn-cli.ts";
import { EXIT } from "../cli/exit-codes.ts";
import { journalSessions } from "../__fixtures__/journal-sessions.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-output-lost-");
afterAll(() => tmp.cleanup());

// Few enough bars that the old code ends on its own (exit 0, session "completed") instead of hanging the test; many
// enough (400 bars, 2 ms apart) that a stop on the first lost write comes long before the stream's end.
const BARS = 400;

function config(name: string) {
  const dataDir = join(tmp.dir, `${name}-data`);
  const base = quickSessionConfig(dataDir, { status: { enabled: false } });
  const path = writeConfig(tmp.dir, `${name}.json`, {
    ...base,
    market_data: { provider: "simulated", config: { pattern: "random_walk", volatility: 0.004, seed: 7, bars: BARS, barDelayMs: 2 } },
    log: { level: "debug", format: "json" },
  });
  return { path, journal: join(dataDir, "journal.sqlite") };
}

/** The journal's sessions ("status", "ended_at"), oldest first. */
const sessions = (journal: string) => journalSessions(journal, ["status", "ended_at"]);

describe("argo run: the log output lost stops the session as a failure", () => {
  test("in-process: Io.outputLost aborting stops the run (exit 1), the journal closed and the session marked aborted", async () => {
    const { path, journal } = config("in-process");
    const c = captureIo({ cwd: tmp.dir });
    const lost = new AbortController();
    const exit = main(["run", path], { ...c.io, outputLost: lost.signal });
    // Once it has traded (the SMA example crosses within its first bars), so the journal has records to keep.
    await c.waitForErr(/"msg":"fill"/);
    lost.abort(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(await exit).toBe(EXIT.FAILURE);
    const lines = logLines(c.stderr());
    const ended = lines.find((line) => line.msg === "session ended");
    // Stopped, not run to the end of the stream: the engine says "aborted" and read fewer bars than the stream holds.
    expect(ended?.status).toBe("aborted");
    expect(Number(ended?.bars)).toBeLessThan(BARS);
    expect(String(lines.find((line) => line.msg === "stopping")?.reason)).toStartWith("log output lost: write EPIPE");
    const rows = sessions(journal);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("aborted");
    expect(rows[0]!.ended_at).not.toBeNull();
    // Nothing the session did is missing from the journal: every fill the engine counted is recorded there.
    const db = new Database(journal, { readonly: true });
    try {
      expect(Number(ended?.fills)).toBeGreaterThan(0);
      expect((db.query("SELECT count(*) AS n FROM fills").get() as { n: number }).n).toBe(Number(ended?.fills));
    } finally {
      db.close();
    }
  }, 20_000);

  test("a real closed pipe (`argo run … 2>&1 | head -1`): exit 1, no crash (the journal was closed, not left open)", async () => {
    const { path, journal } = config("piped");
    // The run's own exit code, not head's; `head -1` closes the pipe after the first log line.
    const script = `bun "$CLI" run "$CONFIG" 2>&1 | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const proc = Bun.spawn(["bash", "-c", script], { cwd: tmp.dir, stdout: "pipe", stderr: "pipe", env: { ...isolatedEnv(), CLI, CONFIG: path } });
    const out = await new Response(proc.stdout).text();
    await proc.exited;
    // Before: 0, the session having traded on to the end of the stream with nobody reading its log.
    expect(out.trim()).toBe(String(EXIT.FAILURE));
    // A crash (an unhandled EPIPE) would leave the session without an end; a clean stop records it as aborted.
    const rows = sessions(journal);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("aborted");
    expect(rows[0]!.ended_at).not.toBeNull();
  }, 20_000);
});

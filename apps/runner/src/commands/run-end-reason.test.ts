// `argo run` stopped by a signal or by its log output lost: the journal's sessions table says which (before, both read
// "aborted" with no column saying why, and a night's run stopped by Ctrl-C looked the same as one whose log shipper died).
// The expected reasons are the texts the runner stops with: the signal's name, "log output lost: " and the error's message.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo, logLines } from "../__fixtures__/capture-io.ts";
import { quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { EXIT } from "../cli/exit-codes.ts";
import { journalSessions } from "../__fixtures__/journal-sessions.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-end-reason-");
afterAll(() => tmp.cleanup());

function config(name: string) {
  const dataDir = join(tmp.dir, `${name}-data`);
  const path = writeConfig(tmp.dir, `${name}.json`, { ...quickSessionConfig(dataDir, { status: { enabled: false } }), log: { level: "info", format: "json" } });
  return { path, journal: join(dataDir, "journal.sqlite") };
}

/** The journal's sessions ("status", "end_reason"), oldest first. */
const ends = (journal: string) => journalSessions(journal, ["status", "end_reason"]);

describe("argo run: the journal records why the session stopped", () => {
  test("SIGINT (Ctrl-C): aborted, reason SIGINT; the log's \"session ended\" line says it too", async () => {
    const { path, journal } = config("sigint");
    const c = captureIo({ cwd: tmp.dir });
    const exit = main(["run", path], c.io);
    await c.waitForErr(/"msg":"engine started"/);
    c.stop("SIGINT");
    expect(await exit).toBe(EXIT.OK);
    expect(ends(journal)).toEqual([{ status: "aborted", end_reason: "SIGINT" }]);
    expect(logLines(c.stderr()).find((line) => line.msg === "session ended")).toMatchObject({ status: "aborted", reason: "SIGINT" });
  }, 20_000);

  test("the log output lost (EPIPE): aborted, reason \"log output lost: write EPIPE\"", async () => {
    const { path, journal } = config("epipe");
    const c = captureIo({ cwd: tmp.dir });
    const lost = new AbortController();
    const exit = main(["run", path], { ...c.io, outputLost: lost.signal });
    await c.waitForErr(/"msg":"engine started"/);
    lost.abort(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(await exit).toBe(EXIT.FAILURE);
    expect(ends(journal)).toEqual([{ status: "aborted", end_reason: "log output lost: write EPIPE" }]);
  }, 20_000);
});

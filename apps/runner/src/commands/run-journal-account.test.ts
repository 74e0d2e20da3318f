import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { logLines } from "../__fixtures__/capture-io.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { startRun } from "../__fixtures__/start-run.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const API_KEY = "fake-live-key-Jr58-never-shown";
let n = 0;

/** A live session on the fake live provider with account `accountId`, journaling into `dataDir`, without the status API. */
function liveConfig(dataDir: string, accountId: string): string {
  return writeConfig(tmp.dir, `live-${++n}.json`, {
    ...quickSessionConfig(dataDir),
    plugins: [FAKE_LIVE_PLUGIN],
    trading: { provider: "fake-live", config: { accountId, apiKey: API_KEY, initialCapital: 100_000 } },
    status: { enabled: false },
  });
}

/** Runs a live session of `accountId` until its engine started, then stops it; resolves with its exit code. */
async function startAndStop(dataDir: string, accountId: string): Promise<number> {
  const run = startRun([liveConfig(dataDir, accountId), "--live"], { env: { ARGO_CONFIRM_LIVE: accountId } });
  try {
    await run.c.waitForErr(/"msg":"engine started"/);
  } finally {
    run.c.stop();
  }
  return run.exit;
}

describe("argo run: a live data_dir belongs to the account that journaled into it", () => {
  test("another account id is refused (exit 3) naming data_dir and both accounts; the first account resumes it", async () => {
    const dataDir = join(tmp.dir, "data");
    expect(await startAndStop(dataDir, "ACC-1")).toBe(0);

    const other = startRun([liveConfig(dataDir, "ACC-2"), "--live"], { env: { ARGO_CONFIRM_LIVE: "ACC-2" } });
    // Should it start instead (not refused), it is stopped rather than left trading until the test's limit.
    const started = other.c.waitForErr(/"msg":"engine started"/).then(() => other.c.stop(), () => undefined);
    await Promise.race([other.exit, started]);
    expect(await other.exit).toBe(3);
    // Told once, as the engine's stop (before, the same error was logged a second time by the run command).
    const refusals = logLines(other.c.stderr()).filter((line) => line.level === 50 && line.code === "INVALID_CONFIGURATION" && String(line.msg).includes("sessionDir:"));
    expect(refusals).toHaveLength(1);
    const refusal = refusals[0];
    const message = String(refusal?.msg);
    expect(message).toContain(`sessionDir: ${dataDir} holds the journal of a live session at venue "fake-live", account "ACC-1"`);
    expect(message).toContain('this session trades at venue "fake-live", account "ACC-2"');
    expect(message).toContain("engine.data_dir");
    expect(other.c.all()).not.toContain(API_KEY);

    expect(await startAndStop(dataDir, "ACC-1")).toBe(0);
  }, 30_000);
});

// The real process: exit codes as a shell sees them, and signals. Everything else is tested in-process through main().
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { logLines } from "./__fixtures__/capture-io.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "./__fixtures__/session-config.ts";
import { spawnCli } from "./__fixtures__/spawn-cli.ts";

const tmp = tempDir();
const GOOG_BACKTEST = join(import.meta.dir, "../../../examples/backtest-goog.yaml");
afterAll(() => tmp.cleanup());

describe("the argo process", () => {
  test("exit codes: 0 for --version, 2 for a usage error, 3 for an invalid config, 4 for unconfirmed live trading", async () => {
    const liveConfig = writeConfig(tmp.dir, "live.json", {
      ...quickSessionConfig(join(tmp.dir, "live-data")),
      plugins: [FAKE_LIVE_PLUGIN],
      trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: "spawned-secret-Kp27-key" } },
    });
    const cases = [
      { args: ["--version"], code: 0, stream: "stdout", text: /^\d+\.\d+\.\d+\n$/ },
      { args: ["frobnicate"], code: 2, stream: "stderr", text: /unknown command "frobnicate"/ },
      { args: ["validate", writeConfig(tmp.dir, "bad.yaml", "engine: { symbols: [] }\n")], code: 3, stream: "stderr", text: /engine\.symbols/ },
      { args: ["run", liveConfig, "--live"], code: 4, stream: "stderr", text: /ARGO_CONFIRM_LIVE=ACC-1/ },
    ] as const;
    const spawned = cases.map((c) => ({ c, p: spawnCli([...c.args]) }));
    try {
      for (const { c, p } of spawned) {
        expect(await p.exited).toBe(c.code);
        expect(c.stream === "stdout" ? p.stdout() : p.stderr()).toMatch(c.text);
        expect(p.stdout() + p.stderr()).not.toContain("spawned-secret-Kp27-key");
      }
    } finally {
      for (const { p } of spawned) p.kill();
    }
  }, 30_000);

  test("a second Ctrl-C while a backtest writes its results exits only once every file is written", async () => {
    const output = join(tmp.dir, "held-results");
    mkdirSync(output);
    // stats.json as a named pipe: its writing waits until the test reads it, so the signals surely come mid-writing.
    const stats = join(output, "stats.json");
    expect(Bun.spawnSync(["mkfifo", stats]).exitCode).toBe(0);
    const p = spawnCli(["backtest", GOOG_BACKTEST, "--output", output, "--no-progress"]);
    try {
      // trades.csv is written beside stats.json: once it exists, the writing has begun.
      while (!existsSync(join(output, "trades.csv"))) {
        if (await Promise.race([p.exited.then(() => true), Bun.sleep(20).then(() => false)])) throw new Error(`exited before writing:\n${p.stderr()}`);
      }
      p.proc.kill("SIGINT");
      // The second only once the first was seen: two signals pending at once would be one.
      await p.waitForErr(/results are being written/);
      p.proc.kill("SIGINT");
      const outcome = await Promise.race([p.exited.then((code) => `exited with ${code}`), p.waitForErr(/being written[^]*being written/).then(() => "still writing")]);
      expect(outcome).toBe("still writing");
      const written = JSON.parse(await readFile(stats, "utf8"));
      expect(await p.exited).toBe(130);
      // The figures of a complete GOOG run (backtesting.py's), and every other file whole.
      expect(written.tradeCount).toBe(66);
      expect(readFileSync(join(output, "trades.csv"), "utf8").trim().split("\n")).toHaveLength(67);
      expect(readFileSync(join(output, "equity.csv"), "utf8").trim().split("\n")).toHaveLength(2149);
      expect(readFileSync(join(output, "report.html"), "utf8").trimEnd()).toEndWith("</html>");
      expect(JSON.parse(readFileSync(join(output, "run.json"), "utf8")).status).toBe("completed");
    } finally {
      p.kill();
    }
  }, 30_000);

  test("SIGINT stops a running session cleanly: exit 0, the session ended and was logged", async () => {
    const p = spawnCli(["run", writeConfig(tmp.dir, "paper.json", quickSessionConfig(join(tmp.dir, "paper-data")))]);
    try {
      await p.waitForErr(/"msg":"order placed"/);
      p.proc.kill("SIGINT");
      expect(await p.exited).toBe(0);
    } finally {
      p.kill();
    }
    const lines = logLines(p.stderr());
    expect(lines.find((l) => l.msg === "stopping")).toMatchObject({ reason: "SIGINT" });
    expect(lines.at(-1)).toMatchObject({ msg: "session ended", status: "aborted" });
  }, 30_000);
});

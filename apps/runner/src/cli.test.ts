// The real process: exit codes as a shell sees them, and signals. Everything else is tested in-process through main().
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SAME_SIGNAL_WINDOW_MS } from "./cli/signal-exit.ts";
import { logLines } from "./__fixtures__/capture-io.ts";
import { CLI, FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "./__fixtures__/session-config.ts";
import { isolatedEnv, spawnCli } from "./__fixtures__/spawn-cli.ts";

const tmp = tempDir();
const GOOG_BACKTEST = join(import.meta.dir, "../../../examples/backtest-goog.yaml");
const ANNOUNCING = join(import.meta.dir, "__fixtures__/announcing-strategy.ts");
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
      // The second only once the first was seen, and a deliberate one: a copy within the window is the same keypress.
      // The writing waits on the pipe meanwhile, so this wait decides nothing but that.
      await p.waitForErr(/results are being written/);
      await Bun.sleep(SAME_SIGNAL_WINDOW_MS + 50);
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

  // One Ctrl-C at a terminal signals the whole foreground process group: `bun run` and argo under it. `bun run` forwards
  // its copy too, so argo gets two SIGINTs within a millisecond or so; here the group is made with setsid.
  test.skipIf(Bun.which("setsid") === null)("one Ctrl-C under `bun run` (SIGINT to the process group) writes the results so far, aborted, exit 1", async () => {
    const dir = join(tmp.dir, "wrapped");
    mkdirSync(dir);
    const output = join(dir, "results");
    writeConfig(dir, "long.json", {
      engine: { symbols: ["BTCUSD"], interval: "1m" },
      // Far more bars than the test takes to signal: the run is surely still going when the signal comes.
      market_data: { provider: "simulated", config: { pattern: "random_walk", seed: 1, bars: 20_000_000 } },
      strategy: { path: ANNOUNCING },
      backtest: { output_dir: output, progress: false },
      log: { level: "error" },
    });
    writeConfig(dir, "package.json", { name: "wrapped", private: true, scripts: { bt: `bun ${JSON.stringify(CLI)} backtest long.json` } });
    const p = Bun.spawn(["setsid", "bun", "run", "bt"], { cwd: dir, stdin: "ignore", stdout: "pipe", stderr: "pipe", env: isolatedEnv() });
    const stdout = new Response(p.stdout).text();
    try {
      const reader = p.stderr.getReader();
      const decoder = new TextDecoder();
      let err = "";
      while (!err.includes("announcing: first bar")) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`exited before its first bar:\n${err}`);
        err += decoder.decode(chunk.value, { stream: true });
      }
      // Read on to the end: a full pipe would block the process.
      void (async () => {
        while (!(await reader.read()).done);
      })();
      // setsid ran `bun run` as the leader of a new group: its pid is the group's id.
      process.kill(-p.pid, "SIGINT");
      expect(await p.exited).toBe(1);
    } finally {
      if (p.exitCode === null) process.kill(-p.pid, "SIGKILL");
    }
    const run = JSON.parse(readFileSync(join(output, "run.json"), "utf8"));
    expect([run.status, run.abortReason]).toEqual(["aborted", "SIGINT"]);
    expect(run.bars).toBeGreaterThan(0);
    // Every file whole: equity.csv has its header and a row for each bar replayed.
    expect(readFileSync(join(output, "equity.csv"), "utf8").trim().split("\n")).toHaveLength(1 + run.bars);
    expect(readFileSync(join(output, "report.html"), "utf8").trimEnd()).toEndWith("</html>");
    expect(await stdout).toMatch(/^backtest aborted: announcing on BTCUSD/);
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

  test("SIGHUP (the terminal or ssh session closed) stops it as cleanly: exit 0, the journal's claim released", async () => {
    // Before: killed at once (exit 129), journal.lock left behind and working orders not cancelled.
    const dir = join(tmp.dir, "hup-data");
    const p = spawnCli(["run", writeConfig(tmp.dir, "hup.json", quickSessionConfig(dir))]);
    try {
      await p.waitForErr(/"msg":"order placed"/);
      p.proc.kill("SIGHUP");
      expect(await p.exited).toBe(0);
    } finally {
      p.kill();
    }
    expect(logLines(p.stderr()).find((l) => l.msg === "stopping")).toMatchObject({ reason: "SIGHUP" });
    expect(existsSync(join(dir, "journal.lock"))).toBe(false);
  }, 30_000);

  test.skipIf(Bun.which("nohup") === null)("started under nohup, SIGHUP is still ignored: the session goes on until SIGINT", async () => {
    // Review: a SIGHUP listener replaced nohup's "ignore", so closing the terminal stopped (and cancelled) the session.
    const dir = join(tmp.dir, "nohup-data");
    const config = writeConfig(tmp.dir, "nohup.json", quickSessionConfig(dir));
    const proc = Bun.spawn(["nohup", "bun", CLI, "run", config], { stdin: "ignore", stdout: "pipe", stderr: "pipe", env: isolatedEnv(), cwd: tmp.dir });
    try {
      const err: string[] = [];
      void (async () => {
        const reader = proc.stderr.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) err.push(new TextDecoder().decode(r.value));
      })();
      const started = Date.now();
      while (!err.join("").includes('"msg":"order placed"') && Date.now() - started < 20_000) await Bun.sleep(50);
      proc.kill("SIGHUP");
      await Bun.sleep(700);
      expect(proc.exitCode).toBeNull();
      proc.kill("SIGINT");
      expect(await proc.exited).toBe(0);
    } finally {
      if (proc.exitCode === null) proc.kill("SIGKILL");
    }
  }, 30_000);
});

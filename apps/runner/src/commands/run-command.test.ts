import type { Order, Position } from "@argo/core";
import { waitFor } from "@argo/core/testing";
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo, logLines } from "../__fixtures__/capture-io.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { type InProcessRun, startRun, statusUrl } from "../__fixtures__/start-run.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let runs = 0;
const dataDir = () => join(tmp.dir, `data-${++runs}`);

async function getJson<T>(url: string, token?: string): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
}

/** Runs `body` against a started session and always stops it, so no test leaves a session running. */
async function withRun(run: InProcessRun, body: (url: string) => Promise<void>): Promise<number> {
  try {
    await body(await statusUrl(run));
  } finally {
    run.c.stop();
  }
  return run.exit;
}

describe("argo run: a paper session", () => {
  test("serves the status API while it streams and trades, then stops cleanly on the signal", async () => {
    const dir = dataDir();
    const run = startRun([writeConfig(tmp.dir, "paper.json", quickSessionConfig(dir))]);
    const code = await withRun(run, async (url) => {
      const health = await waitFor("ready health", async () => {
        const h = await getJson<{ ready: boolean; checks: Record<string, boolean> }>(`${url}/health`);
        return h.status === 200 && h.body;
      }, 10_000);
      expect(health).toMatchObject({ ready: true, checks: { marketDataConnected: true, tradingConnected: true, recentBar: true } });

      const session = (await getJson<Record<string, any>>(`${url}/session`)).body;
      expect(session).toMatchObject({ mode: "paper", symbols: ["BTCUSD", "ETHUSD"], interval: "1m" });
      expect(session.providers).toEqual({ marketData: { name: "simulated", connected: true }, trading: { name: "paper", connected: true, isPaperTrading: true } });

      const recent = await waitFor("a first order", async () => {
        const orders = (await getJson<{ recent: Order[] }>(`${url}/orders`)).body.recent;
        return orders.length > 0 && orders;
      }, 10_000);
      for (const order of recent) expect(["BTCUSD", "ETHUSD"]).toContain(order.symbol);
      const positions = (await getJson<{ positions: Position[] }>(`${url}/positions`)).body.positions;
      for (const p of positions) expect(["LONG", "SHORT"]).toContain(p.side);
      const metrics = await fetch(`${url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/bars_processed\S* [1-9]/);
      // Every placement is timed, the paper venue's synchronous ones included: at least one per order placed.
      const sample = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(metrics)?.[1]);
      expect(sample("argo_orders_placed_total")).toBeGreaterThan(0);
      expect(sample("argo_order_latency_ms_count")).toBeGreaterThanOrEqual(sample("argo_orders_placed_total"));
    });
    expect(code).toBe(0);
    const lines = logLines(run.c.stderr());
    const ended = lines.find((l) => l.msg === "session ended");
    expect(ended).toMatchObject({ status: "aborted" });
    expect(ended!.orders as number).toBeGreaterThan(0);
    expect(lines.find((l) => l.msg === "stopping")).toMatchObject({ reason: "SIGTERM" });
    expect(existsSync(join(dir, "journal.sqlite"))).toBe(true);
    // The log goes through the Io: the run wrote nothing to stdout.
    expect(run.c.stdout()).toBe("");
  }, 20_000);

  test("with no config it runs the embedded demo; ARGO__ overrides move its port and journal", async () => {
    const dir = dataDir();
    const run = startRun([], { env: { ARGO__STATUS__PORT: "0", ARGO__ENGINE__DATA_DIR: dir } });
    const code = await withRun(run, async (url) => {
      const session = (await getJson<Record<string, any>>(`${url}/session`)).body;
      expect(session.symbols).toEqual(["BTCUSD", "ETHUSD"]);
      expect(session.config.strategy.path).toBe("./strategies/sma-cross.ts");
      expect(session.config.engine.data_dir).toBe(dir);
    });
    expect(code).toBe(0);
    expect(existsSync(join(dir, "journal.sqlite"))).toBe(true);
  }, 20_000);

  test("flags override ARGO__ variables, which override the file", async () => {
    const config = writeConfig(tmp.dir, "precedence.json", quickSessionConfig(join(tmp.dir, "from-file")));
    const flagDir = dataDir();
    const run = startRun([config, "--symbols", "SOLUSD", "--data-dir", flagDir], {
      env: { ARGO__ENGINE__INTERVAL: "15m", ARGO__ENGINE__DATA_DIR: join(tmp.dir, "from-env") },
    });
    const code = await withRun(run, async (url) => {
      const session = (await getJson<Record<string, any>>(`${url}/session`)).body;
      expect(session.symbols).toEqual(["SOLUSD"]);
      expect(session.interval).toBe("15m");
      expect(session.config.engine.data_dir).toBe(flagDir);
    });
    expect(code).toBe(0);
    expect(existsSync(join(flagDir, "journal.sqlite"))).toBe(true);
    expect(existsSync(join(tmp.dir, "from-env"))).toBe(false);
  }, 20_000);

  test("a stream with no pacing still leaves the status API and the stop signal room to run", async () => {
    const config = quickSessionConfig(dataDir(), {
      market_data: { provider: "simulated", config: { seed: 3, bars: 50_000_000, barDelayMs: 0 } },
      log: { level: "warn", format: "json" },
    });
    // The listening line is info; warn keeps the log small at full speed, so ask for info on the flag.
    const run = startRun([writeConfig(tmp.dir, "flat-out.json", config), "--log-level", "info"]);
    const bars = async (url: string) => Number(/argo_bars_processed_total (\d+)/.exec(await (await fetch(`${url}/metrics`)).text())![1]);
    const code = await withRun(run, async (url) => {
      const first = await waitFor("bars", async () => (await bars(url)) > 0 && bars(url), 10_000);
      // Answered again while the stream keeps going: the session is mid-stream, not finished.
      expect(await waitFor("more bars", async () => (await bars(url)) > first, 10_000)).toBe(true);
    });
    expect(code).toBe(0);
    expect(logLines(run.c.stderr()).find((l) => l.msg === "session ended")).toMatchObject({ status: "aborted" });
  }, 30_000);

  test("a signal that arrives while the config is still loading still stops the session", async () => {
    const run = startRun([writeConfig(tmp.dir, "early.json", quickSessionConfig(dataDir()))]);
    run.c.stop("SIGINT");
    // Without the fix this never resolved: the abort listener was added after the abort had fired.
    expect(await run.exit).toBe(0);
    expect(logLines(run.c.stderr()).find((l) => l.msg === "session ended")).toBeDefined();
  }, 20_000);
});

describe("argo run refuses to start", () => {
  test("an invalid config: exit 3 with every problem, and nothing served", async () => {
    const run = startRun([writeConfig(tmp.dir, "bad.json", { ...quickSessionConfig(dataDir()), engine: { symbols: [], interval: "often" } })]);
    expect(await run.exit).toBe(3);
    expect(run.c.stderr()).toContain("engine.symbols");
    expect(run.c.stderr()).toContain("engine.interval");
    expect(run.c.stderr()).not.toContain("listening");
  });

  test("an unknown provider named by a flag lists the available ones", async () => {
    const run = startRun([writeConfig(tmp.dir, "ok.json", quickSessionConfig(dataDir())), "--trading-provider", "paperr"]);
    expect(await run.exit).toBe(3);
    const line = run.c.stderr().split("\n").find((l) => l.includes("trading.provider"))!;
    expect(line).toContain('"paperr"');
    expect(line.split("available: ")[1]!.split(", ")).toContain("paper");
  });

  test("the status API on 0.0.0.0 without a token: exit 3 naming the address and what to do", async () => {
    const run = startRun([writeConfig(tmp.dir, "open.json", quickSessionConfig(dataDir(), { status: { host: "0.0.0.0", port: 0 } }))]);
    expect(await run.exit).toBe(3);
    expect(run.c.stderr()).toContain('"0.0.0.0"');
    expect(run.c.stderr()).toContain("token");
    expect(run.c.stderr()).not.toContain("listening");
  });

  test("a zero interval: exit 3 naming engine.interval, before the status API or the journal exist", async () => {
    const dir = dataDir();
    const run = startRun([writeConfig(tmp.dir, "zero.json", quickSessionConfig(dir, { engine: { symbols: ["BTCUSD"], interval: "0m", data_dir: dir } }))]);
    expect(await run.exit).toBe(3);
    expect(run.c.stderr()).toContain("engine.interval");
    expect(run.c.stderr()).not.toContain("listening");
    expect(existsSync(join(dir, "journal.sqlite"))).toBe(false);
  });

  test("a data_dir another session is using: exit 3 naming the lock, and the first session runs on", async () => {
    const dir = dataDir();
    const first = startRun([writeConfig(tmp.dir, "first.json", quickSessionConfig(dir))]);
    const code = await withRun(first, async (url) => {
      const second = startRun([writeConfig(tmp.dir, "second.json", quickSessionConfig(dir))]);
      expect(await second.exit).toBe(3);
      expect(second.c.stderr()).toContain("journal.lock");
      expect((await getJson<{ ready: boolean }>(`${url}/health`)).status).toBe(200);
    });
    expect(code).toBe(0);
  });

  test("a strategy whose init refuses its config: exit 3, as `argo backtest` gives for the same config", async () => {
    const strategy = join(tmp.dir, "bad-init.ts");
    writeFileSync(
      strategy,
      `import * as v from ${JSON.stringify(Bun.resolveSync("valibot", import.meta.dir))};\n` +
        `export default { name: "bad-init", config: v.object({}), init() { throw new Error("lookback must be <= 5"); }, onBar() {} };\n`,
    );
    const path = writeConfig(tmp.dir, "bad-init.json", quickSessionConfig(dataDir(), { strategy: { path: strategy } }));
    const run = startRun([path]);
    expect(await run.exit).toBe(3);
    expect(run.c.stderr()).toContain("lookback must be <= 5");
    const backtest = captureIo({ cwd: tmp.dir });
    expect(await main(["backtest", path, "--no-progress", "--output", join(tmp.dir, "bad-init-out")], backtest.io)).toBe(3);
  });

  test("a --market-data-config that is not JSON is named", async () => {
    const run = startRun([writeConfig(tmp.dir, "ok2.json", quickSessionConfig(dataDir())), "--market-data-config", "{seed: 1"]);
    expect(await run.exit).toBe(3);
    expect(run.c.stderr()).toContain("--market-data-config: not valid JSON");
  });
});

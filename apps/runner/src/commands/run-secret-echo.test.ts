// End to end through `argo run` (in-process, status API on 127.0.0.1, free port): a trading provider whose errors
// echo its configured secrets. The errors must be reported — log lines, SSE events, trading state, an opaque 500 —
// while the secret values appear nowhere: not in the log, not in any status API response or event, not in the journal
// (also when the venue refuses an order with the secrets in the rejection reason, which the journal stores).
import { afterAll, afterEach, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "@argo/core/testing";
import { SseReader } from "@argo/status-api/testing";
import { logLines } from "../__fixtures__/capture-io.ts";
import { setLeakyLiveMode } from "../__fixtures__/leaky-live-switch.ts";
import { LEAKY_LIVE_PLUGIN, SMA_CROSS, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { startRun, statusUrl } from "../__fixtures__/start-run.ts";

const API_KEY = "ak-LEAKY-6f1d2c9b7e30";
// A quote and a backslash: inside JSON text (log lines, responses) this secret is spelled escaped.
const PASSPHRASE = 'pp"LEAKY\\q7x';
const TOKEN = "status-token-leaky-5521";
const ACCOUNT = "ACC-LEAK";
/** Every spelling a leaked secret could take: as is, and as JSON text escapes it. */
const FORMS = [API_KEY, PASSPHRASE, JSON.stringify(PASSPHRASE).slice(1, -1), TOKEN];
const AUTH = { headers: { Authorization: `Bearer ${TOKEN}` } };

const tmp = tempDir("argo-secret-echo-");
afterAll(() => tmp.cleanup());
afterEach(() => {
  setLeakyLiveMode("trading");
});
let runs = 0;

function leakyConfig(dataDir: string, venue: Record<string, unknown> = {}) {
  return quickSessionConfig(dataDir, {
    plugins: [LEAKY_LIVE_PLUGIN],
    trading: { provider: "leaky-live", config: { accountId: ACCOUNT, apiKey: API_KEY, passphrase: PASSPHRASE, ...venue } },
    strategy: { path: SMA_CROSS, config: { fast: 2, slow: 3, sizing: { quantity: 0.01 } } },
    risk: { circuitBreakerErrors: 2 },
    status: { enabled: true, host: "127.0.0.1", port: 0, token: TOKEN },
  });
}

function startLeaky(dataDir: string, venue: Record<string, unknown> = {}) {
  const path = writeConfig(tmp.dir, `leaky-${++runs}.json`, leakyConfig(dataDir, venue));
  return startRun([path, "--live"], { env: { ARGO_CONFIRM_LIVE: ACCOUNT } });
}

/** Asserts that no spelling of any secret is in `text`; `where` names the place in the failure message. */
function expectNoSecret(where: string, text: string): void {
  for (const form of FORMS) expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
}

/** Every file the session wrote under `dir` (the journal and its side files), as text. */
function filesUnder(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, text: readFileSync(join(entry.parentPath, entry.name)).toString("latin1") }));
}

type SessionEventJson = { type: string; data: { code?: string; message?: string; tradingState?: string; reason?: string } };

describe("a trading provider whose errors echo its secrets", () => {
  test("the failures are reported in the log, the events, the state and an opaque 500, the secrets nowhere", async () => {
    const dataDir = join(tmp.dir, "data-echo");
    const run = startLeaky(dataDir);
    const responses: Array<{ path: string; status: number; text: string }> = [];
    const events: string[] = [];
    try {
      const url = await statusUrl(run);
      const reader = new SseReader((await fetch(`${url}/events`, AUTH)).body!);
      // Wait for the first order on the unarmed venue: the session trades, so what follows is the venue failing.
      await waitFor("a first order", () => run.c.stderr().includes('"msg":"order placed"'), 10_000);
      setLeakyLiveMode("failing");

      // Read events until the venue failure and the halt it causes (two failures trip the breaker) both arrived.
      let sawError = false;
      let sawHalt = false;
      while (!(sawError && sawHalt)) {
        const next = await reader.next();
        if (next === undefined) throw new Error("event stream ended early");
        if (next.comment !== undefined) continue;
        events.push(next.data);
        const event = JSON.parse(next.data) as SessionEventJson;
        sawError ||= event.type === "error" && event.data.code === "CONNECTION_LOST";
        sawHalt ||= event.type === "state" && event.data.tradingState === "HALTED";
        if (events.length > 100_000) throw new Error("no venue failure among 100 000 events");
      }
      await reader.cancel();

      for (const path of ["/health", "/session", "/account", "/positions", "/orders", "/trades", "/bars?symbol=BTCUSD", "/metrics", "/providers", "/providers/leaky-live/schema", "/", "/assets/lightweight-charts.js", "/nowhere"]) {
        const res = await fetch(`${url}${path}`, AUTH);
        responses.push({ path, status: res.status, text: await res.text() });
      }
    } finally {
      run.c.stop();
    }
    expect(await run.exit).toBe(0);

    // Reported: the error and the halt as events, with the secrets replaced.
    const parsed = events.map((e) => JSON.parse(e) as SessionEventJson);
    const lost = parsed.find((e) => e.type === "error" && e.data.code === "CONNECTION_LOST")!;
    expect(lost.data.message).toContain("X-API-KEY: [REDACTED], X-PASSPHRASE: [REDACTED]");
    const halt = parsed.find((e) => e.type === "state" && e.data.tradingState === "HALTED")!;
    expect(halt.data.reason).toContain("circuit breaker");
    expect(halt.data.reason).toContain("[REDACTED]");

    const byPath = new Map(responses.map((r) => [r.path, r]));
    expect(JSON.parse(byPath.get("/session")!.text)).toMatchObject({ tradingState: "HALTED", mode: "live" });
    expect(byPath.get("/session")!.text).toContain("[REDACTED]"); // the redacted config shows the fields exist
    expect(byPath.get("/metrics")!.text).toMatch(/argo_errors_total [1-9]/);
    // Listing trades threw a plain Error echoing the secrets: the client learns nothing of it.
    expect(byPath.get("/trades")!.status).toBe(500);
    expect(JSON.parse(byPath.get("/trades")!.text)).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    for (const path of ["/health", "/session", "/account", "/positions", "/orders", "/bars?symbol=BTCUSD", "/providers", "/providers/leaky-live/schema", "/"]) {
      expect({ path, status: byPath.get(path)!.status }).toEqual({ path, status: 200 });
    }

    // Reported: the venue failure, the refused order, the halt, and the opaque 500, as log lines.
    const lines = logLines(run.c.stderr());
    const venueError = lines.find((l) => l.code === "CONNECTION_LOST" && l.provider === "leaky-live");
    expect(venueError?.msg).toContain("X-API-KEY: [REDACTED], X-PASSPHRASE: [REDACTED]");
    expect(lines.find((l) => typeof l.msg === "string" && l.msg.startsWith("order refused:"))?.msg).toContain("[REDACTED]");
    expect(lines.find((l) => typeof l.msg === "string" && l.msg.startsWith("trading state HALTED"))?.msg).toContain("[REDACTED]");
    const routeFailure = lines.find((l) => l.path === "/trades");
    expect(routeFailure).toMatchObject({ level: 50, method: "GET", error: "Error" });
    expect(routeFailure!.msg).toBe("status API: unexpected EOF reading trades; sent apiKey=[REDACTED]&passphrase=[REDACTED]");

    // And the secrets are nowhere.
    expectNoSecret("stdout", run.c.stdout());
    expectNoSecret("stderr", run.c.stderr());
    expectNoSecret("events", events.join("\n"));
    for (const r of responses) expectNoSecret(r.path, r.text);
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.name)).toContain("journal.sqlite");
    for (const f of files) expectNoSecret(f.name, f.text);
  }, 30_000);

  test("a connection refused with the secrets in it fails the run with its code, the secrets nowhere", async () => {
    const run = startLeaky(join(tmp.dir, "data-connect"), { failConnect: true });
    expect(await run.exit).toBe(1);
    const failure = logLines(run.c.stderr()).find((l) => l.code === "PROVIDER_CONNECTION_FAILED");
    expect(failure?.msg).toContain("login refused (request headers X-API-KEY: [REDACTED], X-PASSPHRASE: [REDACTED])");
    expectNoSecret("stdout", run.c.stdout());
    expectNoSecret("stderr", run.c.stderr());
  }, 20_000);

  test("a venue rejection reason echoing the secrets is logged and journaled with the secrets replaced", async () => {
    const dataDir = join(tmp.dir, "data-reject");
    const run = startLeaky(dataDir);
    try {
      await statusUrl(run);
      await waitFor("a first order", () => run.c.stderr().includes('"msg":"order placed"'), 10_000);
      setLeakyLiveMode("rejecting");
      await waitFor("a refused order", () => run.c.stderr().includes('"msg":"order refused:'), 10_000);
    } finally {
      run.c.stop();
    }
    expect(await run.exit).toBe(0);

    // Reported once per order (the venue both emitted the REJECTED order and threw), scrubbed.
    const refusals = logLines(run.c.stderr()).filter((l) => typeof l.msg === "string" && l.msg.startsWith("order refused:"));
    expect(refusals[0]).toMatchObject({ code: "BROKER_REJECTED", source: "venue" });
    expect(refusals[0]!.msg).toBe("order refused: margin check failed (request headers X-API-KEY: [REDACTED], X-PASSPHRASE: [REDACTED])");

    // Journaled: the refused order with its reason, every secret replaced, in the file and in every row.
    const journal = join(dataDir, "journal.sqlite");
    const db = new Database(journal, { readonly: true });
    const refused = db.query("SELECT data FROM orders WHERE status = 'REJECTED'").all() as Array<{ data: string }>;
    const tables = db.query("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const rows = tables.flatMap(({ name }) => db.query(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>);
    db.close();
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refusals).toHaveLength(refused.length); // one report per refused order
    expect((JSON.parse(refused[0]!.data) as { rejectReason: string }).rejectReason).toBe(
      "margin check failed (request headers X-API-KEY: [REDACTED], X-PASSPHRASE: [REDACTED])",
    );
    expectNoSecret("journal rows", rows.map((row) => Object.values(row).map(String).join("\t")).join("\n"));
    for (const f of filesUnder(dataDir)) expectNoSecret(f.name, f.text);
    expectNoSecret("stderr", run.c.stderr());
  }, 30_000);
});

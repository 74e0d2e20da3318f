import type { Order } from "@argo/core";
import { waitFor } from "@argo/core/testing";
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { logLines } from "../__fixtures__/capture-io.ts";
import { fakeLiveCreations } from "../__fixtures__/fake-live-creations.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { startRun, statusUrl } from "../__fixtures__/start-run.ts";
import { liveAccountName } from "./confirm-live.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ACCOUNT = "ACC-7731";
const API_KEY = "fake-live-key-Qm39-never-shown";
const TOKEN = "status-bearer-Hh24-never-shown";
let n = 0;

/** A session on the fake live provider, loaded through `plugins:`, with a status token. */
function liveConfig(): string {
  return writeConfig(tmp.dir, `live-${++n}.json`, {
    ...quickSessionConfig(join(tmp.dir, `data-${n}`)),
    plugins: [FAKE_LIVE_PLUGIN],
    trading: { provider: "fake-live", config: { accountId: ACCOUNT, apiKey: API_KEY, initialCapital: 100_000 } },
    status: { host: "127.0.0.1", port: 0, token: TOKEN },
  });
}

/** Runs a live config that must be refused: exit 4, the message, and no venue constructed, nothing served. */
async function refused(args: string[], options: Parameters<typeof startRun>[1] = {}): Promise<string> {
  const before = fakeLiveCreations();
  const run = startRun([liveConfig(), ...args], options);
  expect(await run.exit).toBe(4);
  expect(fakeLiveCreations()).toBe(before);
  expect(run.c.stderr()).not.toContain("listening");
  expect(run.c.all()).not.toContain(API_KEY);
  return run.c.stderr();
}

describe("live trading needs --live and a confirmation", () => {
  test("the account to type is the config's account id, else the provider name", () => {
    expect(liveAccountName("x-live", { accountId: "A1" })).toBe("A1");
    expect(liveAccountName("x-live", { account: "B2" })).toBe("B2");
    expect(liveAccountName("x-live", { apiKey: "k" })).toBe("x-live");
  });

  test("without --live: refused with exit 4, before the provider is even created", async () => {
    const err = await refused([]);
    expect(err).toContain('"fake-live" trades real money: pass --live');
  });

  test("--live without a terminal and without ARGO_CONFIRM_LIVE: refused, saying what to set", async () => {
    const err = await refused(["--live"]);
    expect(err).toContain(`ARGO_CONFIRM_LIVE=${ACCOUNT}`);
  });

  test("--live with a wrong ARGO_CONFIRM_LIVE: refused (also when a terminal is there)", async () => {
    expect(await refused(["--live"], { env: { ARGO_CONFIRM_LIVE: "ACC-0000" } })).toContain("does not match");
    expect(await refused(["--live"], { env: { ARGO_CONFIRM_LIVE: "" }, interactive: true, answers: [ACCOUNT] })).toContain("does not match");
  });

  test("at a terminal, a mistyped account name is refused; the prompt names the account", async () => {
    const before = fakeLiveCreations();
    const run = startRun([liveConfig(), "--live"], { interactive: true, answers: ["ACC-7732"] });
    expect(await run.exit).toBe(4);
    expect(run.c.prompts).toHaveLength(1);
    expect(run.c.prompts[0]).toContain(ACCOUNT);
    expect(run.c.prompts[0]).toContain("real money");
    expect(fakeLiveCreations()).toBe(before);
  });

  test("at a terminal, typing the account name starts the session", async () => {
    const run = startRun([liveConfig(), "--live"], { interactive: true, answers: [`  ${ACCOUNT}  `] });
    try {
      await statusUrl(run);
    } finally {
      run.c.stop();
    }
    expect(await run.exit).toBe(0);
  }, 20_000);

  test("--live with the right ARGO_CONFIRM_LIVE starts a live session; no response or log line shows a secret", async () => {
    const before = fakeLiveCreations();
    const run = startRun([liveConfig(), "--live"], { env: { ARGO_CONFIRM_LIVE: ACCOUNT } });
    const bodies: string[] = [];
    try {
      const url = await statusUrl(run);
      expect(fakeLiveCreations()).toBe(before + 1);
      // The token guards everything but /health.
      expect((await fetch(`${url}/session`)).status).toBe(401);
      const get = async (path: string) => {
        const text = await (await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
        bodies.push(text);
        return JSON.parse(text) as Record<string, any>;
      };
      const session = await get("/session");
      expect(session.mode).toBe("live");
      expect(session.providers.trading).toEqual({ name: "fake-live", connected: true, isPaperTrading: false });
      expect(session.config.trading.config).toEqual({ accountId: ACCOUNT, apiKey: "[REDACTED]", initialCapital: 100_000 });
      expect(session.config.status.token).toBe("[REDACTED]");
      await waitFor("a live order", async () => ((await get("/orders")).recent as Order[]).length > 0, 10_000);
      await get("/positions");
      await get("/account");
      bodies.push(await (await fetch(`${url}/metrics?token=${TOKEN}`)).text());
    } finally {
      run.c.stop();
    }
    expect(await run.exit).toBe(0);
    expect(logLines(run.c.stderr()).find((l) => l.msg === "session ended")).toBeDefined();
    for (const text of [...bodies, run.c.all()]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(TOKEN);
    }
  }, 20_000);
});

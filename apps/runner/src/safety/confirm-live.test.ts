import { ArgoError, defineProvider, type Order, registerProvider, secret, unregisterProvider } from "@argo/core";
import { waitFor } from "@argo/core/testing";
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import * as v from "valibot";
import { LIVE_FIXTURE_CAPABILITIES } from "../__fixtures__/live-fixture-capabilities.ts";
import { logLines } from "../__fixtures__/capture-io.ts";
import { fakeLiveCreations } from "../__fixtures__/fake-live-creations.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { startRun, statusUrl } from "../__fixtures__/start-run.ts";
import { liveAccountName } from "./confirm-live.ts";

const tmp = tempDir();
const SECRET_ACCOUNT_VENUE = "secret-account-live";
afterAll(() => {
  unregisterProvider(SECRET_ACCOUNT_VENUE);
  tmp.cleanup();
});

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

// A real-money venue whose account id is a credential (secret()); creating it fails with a known error, so reaching the
// factory proves the confirmation passed without running a session.
const SECRET_ACCOUNT = "fake-acct-U7730-never-shown";
const CREATED = "secret-account-live reached its factory";
registerProvider(
  defineProvider({
    name: SECRET_ACCOUNT_VENUE, displayName: "Secret account", description: "test: a live venue whose account id is secret", isPaperTrading: false, kind: "trading",
    configSchema: v.strictObject({ accountId: secret("account id"), account: v.optional(v.string()), apiKey: secret("API key") }),
    capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "argo-secret-account-fixture",
    create: () => {
      throw new ArgoError("PROVIDER_CONNECTION_FAILED", CREATED);
    },
  }),
);

function secretAccountConfig(): string {
  return writeConfig(tmp.dir, `secret-account-${++n}.json`, {
    ...quickSessionConfig(join(tmp.dir, `data-${n}`)),
    trading: { provider: SECRET_ACCOUNT_VENUE, config: { accountId: SECRET_ACCOUNT, apiKey: API_KEY } },
    status: { enabled: false },
  });
}

describe("an account id the provider marks secret is never the name to type", () => {
  test("liveAccountName skips a secret account field: the provider name, or a plain account field, instead", () => {
    expect(liveAccountName(SECRET_ACCOUNT_VENUE, { accountId: SECRET_ACCOUNT, apiKey: "k" })).toBe(SECRET_ACCOUNT_VENUE);
    expect(liveAccountName(SECRET_ACCOUNT_VENUE, { accountId: SECRET_ACCOUNT, account: "desk-2", apiKey: "k" })).toBe("desk-2");
  });

  test("--live without confirmation: the refusal names the provider to set, not the secret account", async () => {
    const run = startRun([secretAccountConfig(), "--live"]);
    expect(await run.exit).toBe(4);
    expect(run.c.stderr()).toContain(`ARGO_CONFIRM_LIVE=${SECRET_ACCOUNT_VENUE}`);
    expect(run.c.all()).not.toContain(SECRET_ACCOUNT);
  });

  test("at a terminal the prompt asks for the provider name; typing it confirms", async () => {
    const run = startRun([secretAccountConfig(), "--live"], { interactive: true, answers: [SECRET_ACCOUNT_VENUE] });
    await run.exit;
    expect(run.c.prompts).toHaveLength(1);
    expect(run.c.prompts[0]).toContain(`(${SECRET_ACCOUNT_VENUE})`);
    expect(run.c.stderr()).toContain(CREATED);
    expect(run.c.all() + run.c.prompts.join("")).not.toContain(SECRET_ACCOUNT);
  });

  test("ARGO_CONFIRM_LIVE set to the provider name confirms", async () => {
    const run = startRun([secretAccountConfig(), "--live"], { env: { ARGO_CONFIRM_LIVE: SECRET_ACCOUNT_VENUE } });
    await run.exit;
    expect(run.c.stderr()).toContain(CREATED);
    expect(run.c.all()).not.toContain(SECRET_ACCOUNT);
  });
});

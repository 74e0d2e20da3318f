import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { configSecretValues } from "../config/config-secret-values.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-secret-shapes-");
afterAll(() => tmp.cleanup());

const PLUGIN = join(import.meta.dir, "../__fixtures__/secret-shapes-provider.ts");
const EMAIL_KEY = "EMAIL-ACCOUNT-SECRET-1x9";
const PLAIN_KEY = "PLAIN-ACCOUNT-SECRET-2y8";
const KEY_ID = "TUPLE-KEY-ID-SECRET-3z7";
const KEY_SECRET = "TUPLE-KEY-SECRET-4w6";
const LAZY_TOKEN = "LAZY-SESSION-TOKEN-5v4";
const SECRETS = [EMAIL_KEY, PLAIN_KEY, KEY_ID, KEY_SECRET, LAZY_TOKEN];

/** A session trading on the fixture: a sub-account keyed by an e-mail (dots in the key), a key pair as a tuple, a lazy token. */
function shapesConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...quickSessionConfig(tmp.dir),
    plugins: [PLUGIN],
    trading: {
      provider: "secret-shapes",
      config: {
        accounts: { "trader@acme.com": { apiKey: EMAIL_KEY, desk: "fx" }, desk1: { apiKey: PLAIN_KEY } },
        keyPair: [KEY_ID, KEY_SECRET],
        session: { token: LAZY_TOKEN, region: "eu" },
      },
    },
    ...overrides,
  };
}

async function validate(config: Record<string, unknown>, name: string) {
  const c = captureIo({ cwd: tmp.dir });
  const code = await main(["validate", writeConfig(tmp.dir, name, config)], c.io);
  return { code, out: c.stdout(), all: c.all() };
}

describe("secrets in a record keyed by e-mail, in a tuple and behind v.lazy", () => {
  test("argo validate prints the config with each of them redacted and the other fields kept", async () => {
    const r = await validate(shapesConfig(), "valid.json");
    expect(r.code).toBe(0);
    for (const value of SECRETS) expect(r.all).not.toContain(value);
    const printed = JSON.parse(r.out.slice(r.out.indexOf("\n{") + 1)) as { trading: { config: unknown } };
    expect(printed.trading.config).toEqual({
      accounts: { "trader@acme.com": { apiKey: "[REDACTED]", desk: "fx" }, desk1: { apiKey: "[REDACTED]" } },
      keyPair: ["[REDACTED]", "[REDACTED]"],
      session: { token: "[REDACTED]", region: "eu" },
    });
  });

  test("the runner collects each of them for scrubbing", async () => {
    await import(PLUGIN);
    const collected = configSecretValues(shapesConfig());
    for (const value of SECRETS) expect(collected).toContain(value);
  });

  test("one pasted into another section is not echoed by that section's error", async () => {
    const config = shapesConfig();
    const r = await validate({ ...config, strategy: { ...(config.strategy as object), config: { fast: KEY_SECRET } } }, "pasted.json");
    expect(r.code).toBe(3);
    expect(r.all).toContain("strategy.config.fast");
    for (const value of SECRETS) expect(r.all).not.toContain(value);
  });
});

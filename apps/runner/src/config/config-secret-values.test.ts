import { defineProvider, REDACTED, registerProvider, secret, unregisterProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { LIVE_FIXTURE_CAPABILITIES } from "../__fixtures__/live-fixture-capabilities.ts";
import { quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-secret-values-");
const VENUE = "reshaping-secrets-venue";
afterAll(() => {
  unregisterProvider(VENUE);
  tmp.cleanup();
});

// Fake secrets. The key is written with spaces and a newline around it (an env file, a Kubernetes secret); the token
// with a "Bearer " prefix the schema cuts off.
const KEY = "fake-Key9+/x=";
const TOKEN = "fake-tok-Wq51";

registerProvider(
  defineProvider({
    name: VENUE, displayName: "Reshaping secrets", description: "test: a schema that trims and reshapes its secrets", isPaperTrading: true, kind: "trading",
    configSchema: v.strictObject({
      apiKey: secret("API key"),
      trimmedKey: v.optional(v.pipe(secret("API key, trimmed"), v.trim())),
      token: v.optional(v.pipe(secret("bearer token"), v.transform((text: string) => text.replace(/^Bearer /, "")))),
      failCreate: v.optional(v.boolean(), false),
    }),
    capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "argo-reshaping-secrets-fixture",
    create: (config) => {
      // As an SDK would: fetch trims the header value, the request body is form-encoded, the token sent as parsed.
      if (config.failCreate) throw new Error(`401 for key ${config.apiKey.trim()}; body apiKey=${encodeURIComponent(config.apiKey.trim())}; token ${config.token}`);
      return createPaperVenue({ initialCapital: 10_000 });
    },
  }),
);

function sessionConfig(trading: Record<string, unknown>): Record<string, unknown> {
  return { ...quickSessionConfig(tmp.dir), trading: { provider: VENUE, config: trading }, status: { enabled: false } };
}

async function secretsOf(trading: Record<string, unknown>): Promise<string[]> {
  const outcome = await validateConfig({ raw: sessionConfig(trading), baseDir: tmp.dir, cwd: tmp.dir });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.session.secrets;
}

describe("the session's secrets are read from the parsed configs too", () => {
  test("a key the schema trims is collected as the provider receives it", async () => {
    const secrets = await secretsOf({ apiKey: "other-fake-key", trimmedKey: `  ${KEY}\n` });
    expect(secrets).toContain(KEY);
    expect(secrets).toContain(`  ${KEY}\n`);
  });

  test("a token the schema reshapes (a prefix cut off) is collected as the provider holds it", async () => {
    const secrets = await secretsOf({ apiKey: "other-fake-key", token: `Bearer ${TOKEN}` });
    expect(secrets).toContain(TOKEN);
  });

  test("argo run: a factory error echoing the key trimmed and URL-encoded, and the reshaped token, shows none of them", async () => {
    const file = writeConfig(tmp.dir, "echo.json", sessionConfig({ apiKey: `${KEY}\n`, token: `Bearer ${TOKEN}`, failCreate: true }));
    const c = captureIo({ cwd: tmp.dir });
    const code = await main(["run", file], c.io);
    expect(code).not.toBe(0);
    // Spelled out by hand: + / = percent-encoded.
    for (const shown of [KEY, "fake-Key9%2B%2Fx%3D", TOKEN]) expect(c.all()).not.toContain(shown);
    expect(c.stderr()).toContain(`401 for key ${REDACTED}; body apiKey=${REDACTED}; token ${REDACTED}`);
  });
});

import { describe, expect, test } from "bun:test";
import { ArgoError } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { SseReader } from "../testing/sse-reader.ts";

const TOKEN = "provider-secrets-token";
const API_KEY = "venue-api-key-0123456789";
// A secret with a quote and a backslash is spelled differently inside JSON text.
const QUOTED = 'pa"ss\\word-42';

function setup() {
  const session = new MemoryStatusSession();
  return { session, app: createStatusApi(session, { token: TOKEN, secrets: [API_KEY, QUOTED, ""] }) };
}

describe("configured provider secrets", () => {
  test("an Argo error echoing a provider secret is answered without it", async () => {
    const { session, app } = setup();
    session.account = () => Promise.reject(new ArgoError("BROKER_REJECTED", `venue rejected key ${API_KEY}`));
    const res = await app.request(`/account?token=${TOKEN}`);
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain(API_KEY);
    expect(JSON.parse(text).error).toEqual({ code: "BROKER_REJECTED", message: "venue rejected key [REDACTED]" });
  });

  test("a provider secret in data is scrubbed even where JSON escapes it", async () => {
    const { session, app } = setup();
    session.state.account.currency = `USD ${QUOTED}`;
    const text = await (await app.request(`/account?token=${TOKEN}`)).text();
    expect(text).not.toContain(JSON.stringify(QUOTED).slice(1, -1));
    expect(JSON.parse(text).account.currency).toBe("USD [REDACTED]");
  });

  test("an SSE error event carrying a provider secret is scrubbed", async () => {
    const { session, app } = setup();
    const reader = new SseReader((await app.request(`/events?token=${TOKEN}`)).body!);
    session.emit({ type: "error", time: 1, data: { code: "CONNECTION_LOST", message: `socket closed for ${API_KEY}`, provider: "venue" } });
    const [event] = await reader.events(1);
    expect(event!.data).not.toContain(API_KEY);
    expect(JSON.parse(event!.data).data.message).toBe("socket closed for [REDACTED]");
    await reader.cancel();
  });

  test("an empty secret does not redact everything", async () => {
    const { app } = setup();
    const body = await (await app.request(`/positions?token=${TOKEN}`)).json();
    expect(body).toEqual({ positions: [] });
  });
});

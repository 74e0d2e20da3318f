import { describe, expect, test } from "bun:test";
import { ArgoError, isArgoError } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { makeBar } from "../testing/fixtures.ts";
import { defaultSessionInfo, MemoryStatusSession } from "../testing/memory-session.ts";
import { SseReader } from "../testing/sse-reader.ts";
import { presentedToken } from "./bearer-auth.ts";

const TOKEN = "s3cr3t-status-token-0123";
const GUARDED = ["/", "/assets/lightweight-charts.js", "/providers", "/providers/paper/schema", "/session", "/account", "/positions", "/orders", "/trades", "/bars?symbol=BTCUSD", "/metrics", "/events"];

function setup() {
  const session = new MemoryStatusSession({ info: { ...defaultSessionInfo(Date.now()), lastBarAt: Date.now() } });
  return { session, app: createStatusApi(session, { token: TOKEN }) };
}

describe("bearer token", () => {
  test("every route but /health is 401 JSON without a token and with a wrong one", async () => {
    const { app } = setup();
    for (const path of GUARDED) {
      for (const init of [undefined, { headers: { Authorization: "Bearer wrong-token-value" } }, { headers: { Authorization: TOKEN } }]) {
        const res = await app.request(path, init);
        expect(res.status).toBe(401);
        const text = await res.text();
        expect(JSON.parse(text).error.code).toBe("UNAUTHORIZED");
        expect(text).not.toContain(TOKEN);
      }
      const wrongQuery = await app.request(`${path}${path.includes("?") ? "&" : "?"}token=nope`);
      expect(wrongQuery.status).toBe(401);
    }
    expect((await app.request("/health")).status).toBe(200);
  });

  test("a proxy's Basic Authorization header beside the right ?token= opens the route; beside none or a wrong one, 401", async () => {
    const { app } = setup();
    const basic = { headers: { Authorization: "Basic dXNlcjpwYXNz" } };
    for (const path of ["/", "/account", "/positions"]) {
      // Before: any Authorization header won over ?token=, and a Basic one read as an invalid token.
      expect([path, (await app.request(`${path}?token=${TOKEN}`, basic)).status]).toEqual([path, 200]);
      expect([path, (await app.request(`${path}?token=nope`, basic)).status]).toEqual([path, 401]);
      expect([path, (await app.request(path, basic)).status]).toEqual([path, 401]);
    }
    // A Bearer header still comes first: a wrong one is not rescued by the query's.
    expect((await app.request(`/account?token=${TOKEN}`, { headers: { Authorization: "Bearer wrong-token-value" } })).status).toBe(401);
  });

  test("the right token opens every route, as a header or as ?token=, and never appears in a body", async () => {
    const { app } = setup();
    for (const path of GUARDED.filter((p) => p !== "/events" && p !== "/providers/paper/schema")) {
      const viaHeader = await app.request(path, { headers: { Authorization: `bearer ${TOKEN}` } });
      const viaQuery = await app.request(`${path}${path.includes("?") ? "&" : "?"}token=${TOKEN}`);
      expect([path, viaHeader.status, viaQuery.status]).toEqual([path, 200, 200]);
      expect(await viaHeader.text()).not.toContain(TOKEN);
      expect(await viaQuery.text()).not.toContain(TOKEN);
    }
  });

  test("a token with '+' pasted into ?token= as written opens the page, as does its percent-encoded form", async () => {
    const token = "plus+in+the-token-0123";
    const app = createStatusApi(new MemoryStatusSession(), { token });
    // Form decoding reads a raw "+" as a space; the token holds no whitespace, so the space can only have been a "+".
    for (const query of [`token=${token}`, `token=${encodeURIComponent(token)}`]) {
      expect([query, (await app.request(`/session?${query}`)).status]).toEqual([query, 200]);
    }
    // Not any token at all: the same token with a real "+" changed, or a space where it had none, stays refused.
    for (const query of ["token=plus+in+the-token-0124", "token=plus%20in%20the-token-0123x"]) {
      expect([query, (await app.request(`/session?${query}`)).status]).toEqual([query, 401]);
    }
  });

  test("a token echoed by the session (data, error message, event) is scrubbed from responses", async () => {
    const { session, app } = setup();
    session.state.account.currency = `USD ${TOKEN}`;
    session.positions = () => Promise.reject(new ArgoError("BROKER_REJECTED", `venue said: bad auth ${TOKEN}`));
    const account = await app.request(`/account?token=${TOKEN}`);
    expect(await account.text()).not.toContain(TOKEN);
    const positions = await app.request(`/positions?token=${TOKEN}`);
    expect(positions.status).toBe(502);
    const text = await positions.text();
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text).error.message).toBe("venue said: bad auth [REDACTED]");

    const events = await app.request(`/events?token=${TOKEN}`);
    const reader = new SseReader(events.body!);
    session.emit({ type: "bar", time: 1, data: makeBar({ symbol: TOKEN }) });
    const [event] = await reader.events(1);
    expect(event!.data).not.toContain(TOKEN);
    expect(JSON.parse(event!.data).data.symbol).toBe("[REDACTED]");
    await reader.cancel();
  });

  test("without a token configured, routes are open", async () => {
    const session = new MemoryStatusSession();
    expect((await createStatusApi(session).request("/positions")).status).toBe(200);
  });

  test("a weak token is refused at construction, without echoing it", () => {
    for (const weak of ["short", "has space in it", ""]) {
      let caught: unknown;
      try {
        createStatusApi(new MemoryStatusSession(), { token: weak });
      } catch (error) {
        caught = error;
      }
      expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
      if (weak) expect((caught as Error).message).not.toContain(weak);
    }
  });

  test("presentedToken prefers the header and reads the bearer scheme case-insensitively", () => {
    expect(presentedToken("Bearer abc", "q")).toBe("abc");
    expect(presentedToken("BEARER  abc ", undefined)).toBe("abc");
    // Another scheme (a proxy's Basic credentials) is not ours: the query's token counts; without one, an invalid one.
    expect(presentedToken("Basic abc", "q")).toBe("q");
    expect(presentedToken("Basic abc", undefined)).toBe("");
    expect(presentedToken(undefined, "q")).toBe("q");
    expect(presentedToken(undefined, undefined)).toBeUndefined();
  });
});

import { describe, expect, test } from "bun:test";
import { ArgoError } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import type { RouteFailure } from "./route-failure.ts";

const TOKEN = "route-failure-token";
const API_KEY = "venue-key-route-failure-42";

function setup(onError: (failure: RouteFailure) => void = () => {}) {
  const session = new MemoryStatusSession();
  const failures: RouteFailure[] = [];
  const app = createStatusApi(session, {
    token: TOKEN,
    secrets: [API_KEY],
    onError: (failure) => {
      failures.push(failure);
      onError(failure);
    },
  });
  return { session, app, failures };
}

describe("an unexpected exception in a route", () => {
  test("is an opaque 500 for the client, and onError receives it scrubbed, without a stack", async () => {
    const { session, app, failures } = setup();
    session.account = () => Promise.reject(new TypeError(`socket hang up for ${API_KEY} (auth ${TOKEN}) at venue.example`));
    const res = await app.request(`/account?token=${TOKEN}`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    expect(text).not.toContain("socket hang up");

    expect(failures).toEqual([
      { method: "GET", path: "/account", name: "TypeError", message: "socket hang up for [REDACTED] (auth [REDACTED]) at venue.example" },
    ]);
    // No stack, no cause, and the query (which held the token) is not part of the path.
    expect(Object.keys(failures[0]!).sort()).toEqual(["message", "method", "name", "path"]);
    expect(JSON.stringify(failures)).not.toContain(API_KEY);
    expect(JSON.stringify(failures)).not.toContain(TOKEN);
  });

  test("something thrown that is not an Error is reported by its type, scrubbed", async () => {
    const { session, app, failures } = setup();
    session.positions = () => {
      throw `raw failure with ${API_KEY}`;
    };
    const res = await app.request("/positions", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(500);
    expect(failures).toEqual([{ method: "GET", path: "/positions", name: "string", message: "raw failure with [REDACTED]" }]);
  });

  test("a hook that throws does not change the opaque 500", async () => {
    const { session, app, failures } = setup(() => {
      throw new Error("logger is down");
    });
    session.account = () => Promise.reject(new Error("boom"));
    const res = await app.request(`/account?token=${TOKEN}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    expect(failures.map((f) => f.message)).toEqual(["boom"]);
  });
});

describe("answers that already tell the client what went wrong", () => {
  test("a not-found or not-connected Argo error, an unknown route, a bad query and a missing token do not reach onError", async () => {
    const { session, app, failures } = setup();
    session.account = () => Promise.reject(new ArgoError("PROVIDER_NOT_CONNECTED", "trading provider is reconnecting"));
    session.recentBars = () => Promise.reject(new ArgoError("UNKNOWN_SYMBOL", "no symbol NOPE"));
    const statuses = [
      (await app.request(`/account?token=${TOKEN}`)).status,
      (await app.request(`/bars?symbol=NOPE&token=${TOKEN}`)).status,
      (await app.request(`/nowhere?token=${TOKEN}`)).status,
      (await app.request(`/orders?limit=abc&token=${TOKEN}`)).status,
      (await app.request(`/orders?limt=1&token=${TOKEN}`)).status,
      (await app.request("/account")).status,
    ];
    expect(statuses).toEqual([503, 404, 404, 400, 400, 401]);
    expect(failures).toEqual([]);
  });
});

describe("without a token (no auth middleware in front)", () => {
  test("a thrown non-Error is still an opaque 500 reported to onError", async () => {
    const failures: RouteFailure[] = [];
    const session = new MemoryStatusSession();
    session.positions = () => {
      throw { reason: `object with ${API_KEY}` };
    };
    const app = createStatusApi(session, { secrets: [API_KEY], onError: (f) => void failures.push(f) });
    const res = await app.request("/positions");
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(API_KEY);
    expect(failures).toEqual([{ method: "GET", path: "/positions", name: "object", message: "[object Object]" }]);
  });
});

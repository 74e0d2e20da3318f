import { describe, expect, test } from "bun:test";
import { Hono } from "hono";
import { handleError } from "./handle-error.ts";
import { noQuery } from "./no-query.ts";

function app(): { app: Hono; calls: string[] } {
  const calls: string[] = [];
  const app = new Hono();
  app.onError((error, c) => handleError(error, c, []));
  app.get("/plain", noQuery, (c) => {
    calls.push(c.req.url);
    return c.json({ ok: true });
  });
  return { app, calls };
}

describe("noQuery", () => {
  test("lets a request without parameters, or with only token, through to the handler", async () => {
    const { app: plain, calls } = app();
    expect((await plain.request("/plain")).status).toBe(200);
    expect((await plain.request("/plain?token=abc")).status).toBe(200);
    expect(calls).toEqual(["http://localhost/plain", "http://localhost/plain?token=abc"]);
  });

  test("refuses any other parameter with a 400 naming it, before the handler runs", async () => {
    const { app: plain, calls } = app();
    const res = await plain.request("/plain?verbose=1&token=abc");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("INVALID_DATA");
    expect(body.error.message).toBe('unknown query parameter "verbose"; this route accepts: token');
    expect(calls).toEqual([]);
  });

  test("refuses a parameter given more than once, token included, with a 400 naming it", async () => {
    const { app: plain, calls } = app();
    for (const [query, name] of [["token=a&token=b", "token"], ["token=a&token=a", "token"], ["verbose=1&verbose=1", "verbose"]] as const) {
      const res = await plain.request(`/plain?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toBe(`query parameter "${name}" given more than once; give it once`);
    }
    expect(calls).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { defineProvider, registerProvider, secret, unregisterProvider } from "@argo/core";
import * as v from "valibot";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";

const NAME = "status-api-test-venue";
const app = createStatusApi(new MemoryStatusSession());

beforeAll(() => {
  registerProvider(
    defineProvider({
      name: NAME,
      displayName: "Status API test venue",
      description: "registered by the status-api tests",
      isPaperTrading: true,
      kind: "trading",
      packageName: "@argo/status-api-tests",
      configSchema: v.object({ apiKey: secret("API key"), baseUrl: v.optional(v.string()) }),
      capabilities: {},
      create: () => {
        throw new Error("not used");
      },
    }),
  );
});
afterAll(() => {
  unregisterProvider(NAME);
});

describe("provider routes", () => {
  test("GET /providers lists registered providers, filtered by ?kind=", async () => {
    const names = async (q: string) => ((await (await app.request(`/providers${q}`)).json()) as { providers: { name: string }[] }).providers.map((p) => p.name);
    expect(await names("")).toContain(NAME);
    expect(await names("?kind=trading")).toContain(NAME);
    expect(await names("?kind=market-data")).not.toContain(NAME);
    const bad = await app.request("/providers?kind=broker");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('"kind"');
  });

  test("GET /providers/:name/schema returns the config JSON Schema with the secret write-only", async () => {
    const res = await app.request(`/providers/${NAME}/schema`);
    expect(res.status).toBe(200);
    const schema = (await res.json()) as { type: string; properties: Record<string, { writeOnly?: boolean }>; required?: string[] };
    expect(schema.type).toBe("object");
    expect(schema.properties.apiKey!.writeOnly).toBe(true);
    expect(Object.keys(schema.properties).sort()).toEqual(["apiKey", "baseUrl"]);
    expect(schema.required).toEqual(["apiKey"]);
  });

  test("an unknown provider is a 404 naming it and what is available", async () => {
    const res = await app.request("/providers/no-such-venue/schema");
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("PROVIDER_NOT_FOUND");
    expect(body.error.message).toContain('"no-such-venue"');
    expect(body.error.message).toContain(NAME);
  });

  test("?kind= given twice is a 400 naming it, not the first value with the second dropped", async () => {
    for (const q of ["?kind=trading&kind=market-data", "?kind=trading&kind=trading"]) {
      const res = await app.request(`/providers${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('query parameter "kind" given more than once; give it once');
    }
  });
});

import { describe, expect, test } from "bun:test";
import { listProviders, providerConfigJsonSchema, registerProvider } from "@argo/core";
import { replayProviderDefinition, simulatedProviderDefinition } from "./index.ts";

describe("registration", () => {
  test("importing the package registers replay and simulated as market data providers", () => {
    const ours = listProviders("market-data").filter((info) => info.packageName === "@argo/provider-replay");
    expect(ours.map((info) => info.name)).toEqual(["replay", "simulated"]);
    expect(listProviders("trading").some((info) => info.packageName === "@argo/provider-replay")).toBe(false);
  });

  test("registering again (a second import or copy of the package) is harmless", () => {
    // A re-import is served from the module cache and would not run registration again; call it directly.
    expect(() => registerProvider(replayProviderDefinition)).not.toThrow();
    expect(() => registerProvider(simulatedProviderDefinition)).not.toThrow();
    const names = listProviders("market-data").map((info) => info.name);
    expect(names.filter((name) => name === "replay").length).toBe(1);
    expect(names.filter((name) => name === "simulated").length).toBe(1);
  });
});

describe("config JSON Schemas", () => {
  test("replay", () => {
    const schema = providerConfigJsonSchema("replay");
    expect(schema.required).toEqual(["files"]);
    expect((schema.properties as Record<string, { default?: unknown }>).speed!.default).toBe(0);
    expect(schema).toMatchSnapshot();
  });

  test("simulated", () => {
    const schema = providerConfigJsonSchema("simulated");
    expect(schema.required ?? []).toEqual([]);
    expect((schema.properties as Record<string, { enum?: unknown }>).pattern!.enum).toEqual(["increasing", "decreasing", "volatile", "random_walk"]);
    expect(schema).toMatchSnapshot();
  });
});

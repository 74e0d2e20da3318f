import { afterEach, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { brokerDefinition } from "../__fixtures__/broker-provider.ts";
import type { ProviderDefinition } from "../contracts/provider-definition.ts";
import { isArgoError } from "../errors/is-argo-error.ts";
import { getProviderDefinition, listProviders } from "./lookup.ts";
import { registerProvider, unregisterProvider } from "./register-provider.ts";

/** A plugin written in plain JavaScript: nothing typed stops a wrong field. */
function registerUntyped(definition: Record<string, unknown>): void {
  registerProvider(definition as unknown as ProviderDefinition);
}

function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("did not throw");
}

const valid = (): Record<string, unknown> => ({ ...brokerDefinition("shape-broker", "argo-provider-shape") });

afterEach(() => {
  for (const name of ["shape-broker", "acme-paper", "acme", "fixture-broker"]) unregisterProvider(name);
});

describe("registerProvider checks the definition's shape", () => {
  test("`id:` written for `name:` is refused naming the field and the package; `argo providers` still lists", () => {
    const { name: _name, ...rest } = valid();
    const error = thrown(() => registerUntyped({ ...rest, id: "acme-paper" }));
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error.message).toBe(
      'a provider from package "argo-provider-shape" cannot be registered: name must be a kebab-case string (e.g. "my-broker"), got nothing',
    );
    expect(() => listProviders()).not.toThrow();
    expect(listProviders().some((p) => (p as { id?: unknown }).id === "acme-paper")).toBe(false);
  });

  test("isPaperTrading that is not a boolean is refused: a truthy string must not pass for paper", () => {
    const error = thrown(() => registerUntyped({ ...valid(), isPaperTrading: "no" }));
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error.message).toBe(
      'provider "shape-broker" from package "argo-provider-shape" cannot be registered: isPaperTrading must be true or false (false means real money), got "no"',
    );
    expect(listProviders().map((p) => p.name)).not.toContain("shape-broker");
  });

  test("every bad field is named at once", () => {
    const error = thrown(() => registerUntyped({ ...valid(), packageName: "", kind: "broker", create: undefined, configSchema: {} }));
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error.message).toStartWith('provider "shape-broker" from a package that does not name itself cannot be registered: ');
    for (const part of [
      'packageName must be the plugin\'s package name (a non-empty string), got ""',
      'kind must be "trading" or "market-data", got "broker"',
      "configSchema must be a valibot schema, got an object",
      "create must be a function, got nothing",
    ]) {
      expect(error.message).toContain(part);
    }
  });

  test("a definition that is no object at all is refused", () => {
    expect(isArgoError(thrown(() => registerProvider(undefined as never)), "INVALID_CONFIGURATION")).toBe(true);
  });
});

describe("registering a taken name", () => {
  test("one package claiming a name as trading and as market data is a conflict naming both kinds", () => {
    registerProvider(brokerDefinition("acme", "argo-provider-acme"));
    const data = { ...brokerDefinition("acme", "argo-provider-acme"), kind: "market-data" };
    const error = thrown(() => registerUntyped(data));
    expect(isArgoError(error, "PROVIDER_CONFLICT")).toBe(true);
    expect(error.message).toBe(
      'provider "acme" is registered by both "argo-provider-acme" (trading) and "argo-provider-acme" (market-data); give each kind its own name',
    );
    expect(getProviderDefinition("acme").kind).toBe("trading");
  });

  test("the same package and kind again (a module imported twice) is harmless and keeps the first", () => {
    const first = brokerDefinition("acme", "argo-provider-acme");
    registerProvider(first);
    registerProvider({ ...brokerDefinition("acme", "argo-provider-acme"), description: "second copy" });
    expect(getProviderDefinition("acme")).toBe(first);
  });

  test("two packages without a packageName cannot pass for one: the second is refused, not dropped", () => {
    const base: Record<string, unknown> = { ...valid(), name: "acme", configSchema: v.object({}) };
    const { packageName: _p, ...nameless } = base;
    const error = thrown(() => registerUntyped(nameless));
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error.message).toContain("packageName must be");
    expect(listProviders().map((p) => p.name)).not.toContain("acme");
  });
});

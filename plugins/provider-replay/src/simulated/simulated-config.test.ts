import { describe, expect, test } from "bun:test";
import { type ArgoError, createProvider, isArgoError } from "@argo/core";
import { createSimulatedProvider, DEFAULT_START_TIME, type SimulatedConfigInput } from "../index.ts";

function configError(config: unknown): ArgoError {
  try {
    createSimulatedProvider(config as SimulatedConfigInput);
  } catch (error) {
    if (isArgoError(error)) return error;
    throw error;
  }
  throw new Error("expected INVALID_CONFIGURATION");
}

describe("simulated config", () => {
  test("a negative number of bars names bars", () => {
    const error = configError({ bars: -5 });
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("bars: must be 0 or more");
  });

  test("an unknown pattern names pattern and lists the known ones", () => {
    const error = configError({ pattern: "sideways" });
    expect(error.message).toContain("pattern:");
    expect(error.message).toContain("random_walk");
  });

  test("every bad field is reported at once", () => {
    const error = configError({ initialPrice: 0, maxDrawdown: 1.5, interval: "fast", seed: 1.5, errorAfterBars: 0, startTime: "yesterday", extra: true });
    for (const field of ["initialPrice", "maxDrawdown", "interval", "seed", "errorAfterBars", "startTime", "extra"]) {
      expect(error.message).toContain(`${field}:`);
    }
  });

  test("an ISO start time is read as UTC and the default is fixed", async () => {
    const provider = createSimulatedProvider({ bars: 1, startTime: "2024-06-01 12:00" });
    for await (const bar of provider.history("A", "1m", 0, Number.POSITIVE_INFINITY)) expect(bar.openTime).toBe(Date.UTC(2024, 5, 1, 12));
    expect(DEFAULT_START_TIME).toBe(Date.parse("2024-01-01T00:00:00Z"));
  });

  test("the registry creates it from a config with defaults", async () => {
    const provider = await createProvider("market-data", "simulated", {});
    expect(provider.name).toBe("simulated");
    const error = await createProvider("market-data", "simulated", { bars: -1 }).then(
      () => undefined,
      (e: unknown) => e as ArgoError,
    );
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error?.message).toContain("bars");
  });
});

import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { type ArgoError, createProvider, isArgoError } from "@argo/core";
import { createSimulatedProvider, DEFAULT_START_TIME, type SimulatedConfigInput, simulatedConfigSchema } from "../index.ts";
import { simulatedProviderDefinition } from "./simulated-definition.ts";

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
    expect(error.message).toContain("bars: must be 1 or more");
  });

  test("an unknown pattern names pattern and lists the known ones", () => {
    const error = configError({ pattern: "sideways" });
    expect(error.message).toContain("pattern:");
    expect(error.message).toContain("random_walk");
  });

  test("an interval that is none is reported at interval, alone: the start's range check does not throw on it", () => {
    const error = configError({ interval: "5min" });
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("interval:");
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

  describe("startTime keeps every bar within the dates a run can handle (±8.64e15 ms)", () => {
    // 8.64e15 ms is the latest time a Date holds; 1000 bars (the default) of 1m span 60,000,000 ms.
    const LATEST_FIT = 8.64e15 - 1000 * 60_000;

    test("a start whose bars would end past it is refused at startTime, saying the latest start that fits", () => {
      const error = configError({ startTime: LATEST_FIT + 1 });
      expect(error.message).toContain("startTime: 1000 bars of 1m from this start would end after 8.64e15 ms");
      expect(error.message).toContain(`start at ${LATEST_FIT} (`);
      expect(configError({ startTime: 8.64e15 + 1 }).message).toContain("startTime: must be 8.64e15 or earlier");
      expect(configError({ startTime: -8.64e15 - 1 }).message).toContain("startTime: must be -8.64e15 or later");
    });

    test("the latest start that fits is accepted and its last bar's time is a real date", async () => {
      const provider = createSimulatedProvider({ startTime: LATEST_FIT });
      let last = Number.NaN;
      for await (const bar of provider.history("A", "1m", 0, Number.POSITIVE_INFINITY)) last = bar.openTime;
      expect(last).toBe(8.64e15 - 60_000);
      expect(new Date(last + 60_000).toISOString()).toBe("+275760-09-13T00:00:00.000Z");
    });

    test("the session check judges the session's interval: 10 bars that fit at 1m do not at 1d", () => {
      const config = v.parse(simulatedConfigSchema, { bars: 10, startTime: 8.64e15 - 10 * 60_000 });
      expect(simulatedProviderDefinition.checkSession?.(config, { symbols: ["A"], interval: "1m" })).toEqual([]);
      const issues = simulatedProviderDefinition.checkSession?.(config, { symbols: ["A"], interval: "1d" }) ?? [];
      expect(issues.map((issue) => issue.path)).toEqual(["startTime"]);
      expect(issues[0]!.message).toContain(`start at ${8.64e15 - 10 * 86_400_000} (`);
    });
  });
});

import { engineSettingsSchema } from "@argo/engine";
import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { runnerConfigSchema } from "./config-schema.ts";

const config = (engine: Record<string, unknown>) => ({ engine: { symbols: ["BTCUSD"], ...engine }, strategy: { path: "./s.ts" } });

// Written by hand from the rule "a whole number, then one of s, m, h, d, w, M".
const GOOD = ["1s", "15m", "4h", "1d", "2w", "1M", "120m"];
// A zero count is no interval at all ("0m" used to pass here and fail only once the session had started).
const BAD = ["5x", "m", "1.5h", "1 m", "1mm", "-1m", "often", "", "1H", "0m", "0s", "00h", "0M"];

describe("engine.interval in the runner's config", () => {
  test("accepts a number and a unit, and the engine accepts the same", () => {
    for (const interval of GOOD) {
      expect(v.safeParse(runnerConfigSchema, config({ interval })).success).toBe(true);
      expect(v.safeParse(engineSettingsSchema, { symbols: ["BTCUSD"], interval }).success).toBe(true);
    }
  });

  test("refuses anything else at engine.interval, naming the units, as the engine refuses it", () => {
    for (const interval of BAD) {
      const result = v.safeParse(runnerConfigSchema, config({ interval }));
      expect(result.success).toBe(false);
      const issue = result.issues!.find((i) => v.getDotPath(i) === "engine.interval");
      expect(issue?.message).toContain("must be a number and a unit");
      expect(v.safeParse(engineSettingsSchema, { symbols: ["BTCUSD"], interval }).success).toBe(false);
    }
  });

  test("defaults to one minute when the engine section gives none", () => {
    expect(v.parse(runnerConfigSchema, config({})).engine!.interval).toBe("1m");
  });
});

describe("engine.venue_call_timeout_ms in the runner's config", () => {
  test("defaults to 30 s and takes a whole number of ms", () => {
    expect(v.parse(runnerConfigSchema, config({})).engine!.venue_call_timeout_ms).toBe(30_000);
    expect(v.parse(runnerConfigSchema, config({ venue_call_timeout_ms: 5_000 })).engine!.venue_call_timeout_ms).toBe(5_000);
  });

  test("refuses no wait, a fraction, and more than a timer holds, at its path", () => {
    for (const venue_call_timeout_ms of [0, 1.5, 2 ** 31, "30s"]) {
      const result = v.safeParse(runnerConfigSchema, config({ venue_call_timeout_ms }));
      expect(result.success).toBe(false);
      expect(result.issues!.map((i) => v.getDotPath(i))).toEqual(["engine.venue_call_timeout_ms"]);
    }
  });
});

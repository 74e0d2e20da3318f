// A simulated startTime in epoch seconds by mistake generated bars of January 1970 without a word. Numbers of
// 1970-01-02 to 1970-03-26 in milliseconds (1973 to 2200 in seconds) are refused at startTime; date strings are not judged.
import { describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError } from "@argo/core";
import { createSimulatedProvider, type SimulatedConfigInput } from "../index.ts";

function configError(config: SimulatedConfigInput): ArgoError | undefined {
  try {
    createSimulatedProvider(config);
  } catch (error) {
    if (isArgoError(error)) return error;
    throw error;
  }
  return undefined;
}

async function openTimes(config: SimulatedConfigInput): Promise<number[]> {
  const times: number[] = [];
  for await (const bar of createSimulatedProvider(config).history("X", "1h", -8e15, 8e15)) times.push(bar.openTime);
  return times;
}

const H = 3_600_000;

describe("simulated startTime in epoch seconds", () => {
  test("is INVALID_CONFIGURATION at startTime naming both readings", () => {
    // 2024-01-01T00:00:00Z = 19723 days × 86400 = 1704067200 s; as ms 19 days + 62467200 ms = 1970-01-20T17:21:07.200Z.
    const error = configError({ startTime: 1_704_067_200, bars: 3, interval: "1h" });
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error?.message).toContain(
      "startTime: must be epoch milliseconds, not seconds: this is 1970-01-20T17:21:07.200Z in epoch milliseconds and 2024-01-01T00:00:00.000Z in epoch seconds",
    );
  });

  test("the same start in milliseconds, and 0, generate bars from there", async () => {
    const start = Date.UTC(2024, 0, 1);
    expect(await openTimes({ startTime: 1_704_067_200_000, bars: 3, interval: "1h" })).toEqual([start, start + H, start + 2 * H]);
    expect(await openTimes({ startTime: 0, bars: 2, interval: "1h" })).toEqual([0, H]);
  });

  test("a date string of early 1970 is not judged: it cannot be seconds", async () => {
    // 1970-01-20T00:00:00Z = 19 days = 1641600000 ms, inside the refused window as a number.
    expect(await openTimes({ startTime: "1970-01-20T00:00:00Z", bars: 1, interval: "1h" })).toEqual([1_641_600_000]);
    expect(configError({ startTime: 1_641_600_000, bars: 1, interval: "1h" })?.message).toContain("startTime: must be epoch milliseconds, not seconds");
  });
});

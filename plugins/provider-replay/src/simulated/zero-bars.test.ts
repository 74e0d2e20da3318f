// `bars: 0` passed the config (and so `argo validate`) only for a backtest or run to stop at its start with "no bars for
// X ... in the whole history": the config refuses it at bars, saying why, as it refuses a negative count.
import { describe, expect, test } from "bun:test";
import { createProvider, isArgoError, parseConfig } from "@argo/core";
// Registers the providers, as a run does.
import "../index.ts";
import { simulatedConfigSchema } from "./simulated-config.ts";

/** The config error's message for `config`, or "valid". */
function problem(config: Record<string, unknown>): string {
  try {
    parseConfig(simulatedConfigSchema, config, { label: "simulated config" });
    return "valid";
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error.message;
    throw error;
  }
}

describe("simulated: bars", () => {
  test("0 bars is refused at bars, saying the session would have nothing to run", () => {
    expect(problem({ bars: 0 })).toContain("bars: 0 bars gives the session nothing to run: give 1 or more");
  });

  test("a negative count says 1 or more; 1 bar is valid", () => {
    const negative = problem({ bars: -3 });
    expect(negative).toContain("bars: must be 1 or more");
    expect(negative).not.toContain("nothing to run");
    expect(problem({ bars: 1 })).toBe("valid");
  });

  test("the registry refuses to create the provider with 0 bars, as a run would create it", async () => {
    const error = await createProvider("market-data", "simulated", { bars: 0 }).then(() => undefined, (e: unknown) => e);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain("0 bars gives the session nothing to run");
  });
});

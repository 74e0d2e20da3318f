import { ArgoError } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { CONFIG_REFUSAL_CODES, failureExit } from "./config-refusal.ts";
import { EXIT } from "./exit-codes.ts";

describe("failureExit: the one mapping of an error to an exit code", () => {
  test("each code of a configuration refused before trading is exit 3", () => {
    for (const code of ["INVALID_CONFIGURATION", "PROVIDER_NOT_FOUND", "PROVIDER_CONFLICT", "STRATEGY_INIT_FAILED"] as const) {
      expect({ code, exit: failureExit(new ArgoError(code, "refused")) }).toEqual({ code, exit: EXIT.INVALID_CONFIG });
    }
    expect(CONFIG_REFUSAL_CODES).toHaveLength(4);
  });

  test("a failure while running, a plain Error and a thrown non-error are exit 1", () => {
    expect(failureExit(new ArgoError("CONNECTION_LOST", "gone"))).toBe(EXIT.FAILURE);
    // The code is checked on an Argo error only: a plain object or Error that merely says so is no refusal.
    expect(failureExit(Object.assign(new Error("x"), { code: "INVALID_CONFIGURATION" }))).toBe(EXIT.FAILURE);
    expect(failureExit("INVALID_CONFIGURATION")).toBe(EXIT.FAILURE);
  });
});

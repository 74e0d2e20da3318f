import { describe, expect, test } from "bun:test";
import { ArgoError } from "./argo-error.ts";
import { isArgoError } from "./is-argo-error.ts";
import { toArgoError } from "./to-argo-error.ts";

describe("ArgoError", () => {
  test("carries code, provider, details, cause and retry-after", () => {
    const cause = new Error("429 Too Many Requests");
    const error = new ArgoError("RATE_LIMITED", "slow down", { provider: "binance-live", details: { weight: 1200 }, cause, retryAfterMs: 3000 });
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.provider).toBe("binance-live");
    expect(error.details).toEqual({ weight: 1200 });
    expect(error.cause).toBe(cause);
    expect(error.retryAfterMs).toBe(3000);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ArgoError", code: "RATE_LIMITED", message: "slow down", provider: "binance-live", details: { weight: 1200 }, retryAfterMs: 3000,
    });
  });

  test("is recognised by its code, not its class, so copies of core agree", () => {
    // An error made by another copy of core: a different class, the same brand and code.
    const foreign = Object.assign(new Error("no cash"), { code: "INSUFFICIENT_FUNDS", [Symbol.for("argo.error")]: true });
    expect(foreign instanceof ArgoError).toBe(false);
    expect(isArgoError(foreign)).toBe(true);
    expect(isArgoError(foreign, "INSUFFICIENT_FUNDS")).toBe(true);
    expect(isArgoError(foreign, "INVALID_ORDER")).toBe(false);
  });

  test("rejects look-alikes without the brand or with an unknown code", () => {
    expect(isArgoError(Object.assign(new Error("x"), { code: "INSUFFICIENT_FUNDS" }))).toBe(false);
    expect(isArgoError(Object.assign(new Error("x"), { code: "ENOENT", [Symbol.for("argo.error")]: true }))).toBe(false);
    expect(isArgoError(null)).toBe(false);
    expect(isArgoError("INSUFFICIENT_FUNDS")).toBe(false);
  });

  test("toArgoError keeps Argo errors and wraps anything else", () => {
    const original = new ArgoError("ORDER_NOT_FOUND", "gone");
    expect(toArgoError(original)).toBe(original);
    const wrapped = toArgoError(new TypeError("boom"), "CONNECTION_LOST", "ibkr-live");
    expect(wrapped.code).toBe("CONNECTION_LOST");
    expect(wrapped.message).toBe("boom");
    expect(wrapped.provider).toBe("ibkr-live");
    expect(toArgoError("plain").code).toBe("INTERNAL");
  });
});

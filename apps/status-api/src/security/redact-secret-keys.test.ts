import { describe, expect, test } from "bun:test";
import { redactSecretKeys } from "./redact-secret-keys.ts";

describe("redactSecretKeys", () => {
  test("replaces values under secret-looking keys at any depth and keeps the rest", () => {
    const shared = { host: "h" };
    const input = {
      apiKey: "AK",
      API_SECRET: "S",
      venue: { sessionToken: "T", password: "P", passphrase: "PP", credentials: { privateKey: { pem: "K" } }, port: 1 },
      accounts: [{ name: "a", secretKey: "SK" }],
      symbols: ["BTCUSD"],
      a: shared,
      b: shared,
      absent: null,
    };
    expect(redactSecretKeys(input)).toEqual({
      apiKey: "[REDACTED]",
      API_SECRET: "[REDACTED]",
      venue: { sessionToken: "[REDACTED]", password: "[REDACTED]", passphrase: "[REDACTED]", credentials: { privateKey: "[REDACTED]" }, port: 1 },
      accounts: [{ name: "a", secretKey: "[REDACTED]" }],
      symbols: ["BTCUSD"],
      a: { host: "h" },
      b: { host: "h" },
      absent: null,
    });
  });

  test("does not modify its input and survives cycles", () => {
    const input: Record<string, unknown> = { token: "T" };
    input.self = input;
    const out = redactSecretKeys(input) as Record<string, unknown>;
    expect(input.token).toBe("T");
    expect(out).toEqual({ token: "[REDACTED]", self: "[Circular]" });
  });
});

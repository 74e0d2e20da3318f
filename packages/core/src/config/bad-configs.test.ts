import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { brokerDefinition, validBrokerConfig } from "../__fixtures__/broker-provider.ts";
import { isArgoError } from "../errors/is-argo-error.ts";
import { registerProvider, unregisterProvider } from "../registry/register-provider.ts";
import { validateProviderConfig } from "../registry/provider-config.ts";
import type { ConfigIssue } from "./config-issue.ts";

// Every secret that appears anywhere in the table; none may ever be echoed back.
const SECRETS = [validBrokerConfig.apiKey, validBrokerConfig.secretKey, "sk-LIVE-987654321", "tok-SUB-ACCOUNT-42", "pasted-secret-ZZZ", "shortkey"];

interface Case {
  name: string;
  provider?: string;
  config: unknown;
  /** Every path that must be reported. */
  paths: string[];
  /** Words the message of the first named path must contain. */
  says?: string[];
}

const cases: Case[] = [
  { name: "missing required secret", config: { secretKey: validBrokerConfig.secretKey, initialCapital: 1 }, paths: ["apiKey"], says: ["required"] },
  { name: "missing number", config: { apiKey: validBrokerConfig.apiKey, secretKey: validBrokerConfig.secretKey }, paths: ["initialCapital"], says: ["required", "number"] },
  { name: "everything missing reports every field at once", config: {}, paths: ["apiKey", "secretKey", "initialCapital"] },
  { name: "wrong type: string for number", config: { ...validBrokerConfig, initialCapital: "lots" }, paths: ["initialCapital"], says: ["number", '"lots"'] },
  { name: "wrong type: number for boolean", config: { ...validBrokerConfig, testnet: 1 }, paths: ["testnet"], says: ["boolean"] },
  { name: "out of range: negative capital", config: { ...validBrokerConfig, initialCapital: -5 }, paths: ["initialCapital"], says: ["must be 0 or more", "-5"] },
  { name: "out of range: recvWindow above max", config: { ...validBrokerConfig, recvWindow: 90_000 }, paths: ["recvWindow"], says: ["must be 60000 or less"] },
  { name: "not an integer", config: { ...validBrokerConfig, recvWindow: 2.5 }, paths: ["recvWindow"], says: ["must be a whole number"] },
  { name: "value not in the enum", config: { ...validBrokerConfig, mode: "futures" }, paths: ["mode"], says: ['"spot"', '"futures"'] },
  { name: "unknown key (typo)", config: { ...validBrokerConfig, apiKye: "pasted-secret-ZZZ" }, paths: ["apiKye"], says: ["unknown key"] },
  { name: "nested out of range", config: { ...validBrokerConfig, connection: { host: "127.0.0.1", port: 70_000 } }, paths: ["connection.port"] },
  { name: "nested missing and unknown", config: { ...validBrokerConfig, connection: { hots: "x", port: 1 } }, paths: ["connection.host", "connection.hots"], says: ["required", "expected string"] },
  { name: "bad array item", config: { ...validBrokerConfig, symbols: ["BTCUSDT", "eth-usdt"] }, paths: ["symbols.1"], says: ["upper-case"] },
  { name: "array expected", config: { ...validBrokerConfig, symbols: "BTCUSDT" }, paths: ["symbols"], says: ["Array"] },
  { name: "secret with wrong type", config: { ...validBrokerConfig, apiKey: 12345678 }, paths: ["apiKey"], says: ["string", "[REDACTED]"] },
  { name: "secret empty", config: { ...validBrokerConfig, secretKey: "" }, paths: ["secretKey"], says: ["empty"] },
  { name: "secret in an array item missing", config: { ...validBrokerConfig, subAccounts: [{ id: "a", token: "tok-SUB-ACCOUNT-42" }, { id: "b" }] }, paths: ["subAccounts.1.token"], says: ["required", "expected string"] },
  { name: "secret pasted into a number field", config: { ...validBrokerConfig, apiKey: "sk-LIVE-987654321", initialCapital: "sk-LIVE-987654321" }, paths: ["initialCapital"] },
  { name: "config not an object", config: "apiKey=shortkey", paths: ["(root)"], says: ["Object"] },
  { name: "unknown provider", provider: "binance-typo", config: validBrokerConfig, paths: [] },
];

describe("bad configs give INVALID_CONFIGURATION naming the field, never a secret", () => {
  beforeAll(() => registerProvider(brokerDefinition()));
  afterAll(() => unregisterProvider("fixture-broker"));

  for (const c of cases) {
    test(c.name, () => {
      let error: unknown;
      let issues: ConfigIssue[] = [];
      try {
        const result = validateProviderConfig(c.provider ?? "fixture-broker", c.config);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          error = result.error;
          issues = result.issues;
        }
      } catch (thrown) {
        error = thrown;
      }
      if (c.provider) {
        expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
        expect((error as Error).message).toContain("fixture-broker");
      } else {
        expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
        const reported = issues.map((issue) => issue.path);
        for (const path of c.paths) expect(reported).toContain(path);
        for (const path of c.paths) expect((error as Error).message).toContain(`${path}:`);
        const first = issues.find((issue) => issue.path === c.paths[0]);
        for (const word of c.says ?? []) expect(first?.message).toContain(word);
      }
      const everything = `${(error as Error).message}\n${JSON.stringify(error)}\n${JSON.stringify(issues)}`;
      for (const secretValue of SECRETS) expect(everything).not.toContain(secretValue);
    });
  }
});

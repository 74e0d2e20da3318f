import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { safeParseConfig } from "./parse-config.ts";
import { REDACTED } from "./redact.ts";
import { secret } from "./secret.ts";

/** The path and shown value of every issue of `input`, which must be refused. */
function refused(schema: v.GenericSchema<unknown, unknown>, input: unknown): { issues: [string, string | undefined][]; message: string } {
  const result = safeParseConfig(schema, input, { label: "test config" });
  if (result.ok) throw new Error("accepted");
  return { issues: result.issues.map((issue) => [issue.path, issue.received]), message: result.error.message };
}

describe("a wrong value in a secret field is never echoed, wherever the secret sits", () => {
  test("in a tuple item and in a tuple's rest", () => {
    const schema = v.strictObject({ keyPair: v.tuple([secret(), secret()]), more: v.optional(v.tupleWithRest([v.string()], secret())) });
    const { issues, message } = refused(schema, { keyPair: ["KEY-ID-1", 987654321], more: ["label", 123123123] });
    expect(issues).toEqual([["keyPair.1", REDACTED], ["more.1", REDACTED]]);
    expect(message).not.toContain("987654321");
    expect(message).not.toContain("123123123");
  });

  test("under a record key holding dots (an e-mail, a dotted account name)", () => {
    const schema = v.strictObject({ accounts: v.record(v.string(), v.strictObject({ apiKey: secret() })) });
    const { issues, message } = refused(schema, { accounts: { "trader@acme.com": { apiKey: 13572468 }, "main.eu": { apiKey: 86427531 } } });
    expect(issues).toEqual([["accounts.trader@acme.com.apiKey", REDACTED], ["accounts.main.eu.apiKey", REDACTED]]);
    expect(message).not.toContain("13572468");
    expect(message).not.toContain("86427531");
  });

  test("behind v.lazy, at any depth of a recursive schema", () => {
    type Node = { token?: string; children?: Node[] };
    const node: v.GenericSchema<Node> = v.strictObject({ token: v.optional(secret()), children: v.optional(v.array(v.lazy(() => node))) });
    const { issues, message } = refused(node, { children: [{ children: [{ token: 24681357 }] }] });
    expect(issues).toEqual([["children.0.children.0.token", REDACTED]]);
    expect(message).not.toContain("24681357");
  });
});

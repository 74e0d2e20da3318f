import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { collectSecretValues, REDACTED, redact } from "./redact.ts";
import { matchesSecretPath, secretLocations, secretPaths } from "./secret-paths.ts";
import { secret } from "./secret.ts";

const R = REDACTED;

/** Redacts `value` and collects its secrets with the exact paths `schema` gives for it. */
function shown(schema: unknown, value: unknown) {
  const at = secretLocations(schema, value);
  return { redacted: redact(value, at), secrets: collectSecretValues(value, at) };
}

describe("secrets inside tuples", () => {
  const schema = v.strictObject({
    keyPair: v.optional(v.tuple([secret("key id"), secret("key secret")])),
    mixed: v.optional(v.tupleWithRest([v.string(), secret()], secret())),
  });

  test("each tuple item and the rest are found, as patterns and in a value", () => {
    expect(secretPaths(schema)).toEqual([["keyPair", "0"], ["keyPair", "1"], ["mixed", "1"], ["mixed", "*"]]);
    const value = { keyPair: ["KEY-ID-1", "KEY-SECRET-2"], mixed: ["label", "C-3", "D-4", "E-5"] };
    expect(shown(schema, value)).toEqual({
      redacted: { keyPair: [R, R], mixed: ["label", R, R, R] },
      secrets: ["KEY-ID-1", "KEY-SECRET-2", "C-3", "D-4", "E-5"],
    });
  });

});

describe("record keys holding dots (an e-mail as an account key)", () => {
  const schema = v.strictObject({ accounts: v.record(v.string(), v.strictObject({ apiKey: secret(), desk: v.optional(v.string()) })) });
  const value = { accounts: { "trader@acme.com": { apiKey: "EMAIL-KEY-1", desk: "fx" }, "main.eu": { apiKey: "DOTTED-KEY-2" }, plain: { apiKey: "PLAIN-KEY-3" } } };

  test("every account's key is redacted and collected, other fields kept", () => {
    expect(shown(schema, value)).toEqual({
      redacted: { accounts: { "trader@acme.com": { apiKey: R, desk: "fx" }, "main.eu": { apiKey: R }, plain: { apiKey: R } } },
      secrets: ["EMAIL-KEY-1", "DOTTED-KEY-2", "PLAIN-KEY-3"],
    });
    // The schema's own pattern matches a dotted key too, key by key.
    expect(redact(value, secretPaths(schema))).toEqual({
      accounts: { "trader@acme.com": { apiKey: R, desk: "fx" }, "main.eu": { apiKey: R }, plain: { apiKey: R } },
    });
  });

  test("keys are compared one by one: a dotted key is one key, not two", () => {
    expect(matchesSecretPath(["accounts", "main.eu", "apiKey"], [["accounts", "*", "apiKey"]])).toBe(true);
    expect(matchesSecretPath(["accounts", "main", "eu", "apiKey"], [["accounts", "main.eu", "apiKey"]])).toBe(false);
    expect(matchesSecretPath(["accounts", "main.eu"], [["accounts", "*", "apiKey"]])).toBe(false);
  });
});

describe("secrets behind v.lazy", () => {
  test("a getter without input is followed", () => {
    const schema = v.strictObject({ token: v.lazy(() => secret()), name: v.string() });
    expect(secretPaths(schema)).toEqual([["token"]]);
    expect(shown(schema, { token: "LAZY-TOKEN", name: "n" })).toEqual({ redacted: { token: R, name: "n" }, secrets: ["LAZY-TOKEN"] });
  });

  type Node = { label?: string; token?: string; children?: Node[] };
  const node: v.GenericSchema<Node> = v.strictObject({
    label: v.optional(v.string()),
    token: v.optional(secret()),
    children: v.optional(v.array(v.lazy(() => node))),
  });

  test("a recursive schema: the value is followed to every depth; without one, below the first repeat counts as secret", () => {
    const value = { label: "root", token: "T0", children: [{ label: "kid", token: "T1", children: [{ label: "grandkid", token: "T2" }] }] };
    expect(shown(node, value)).toEqual({
      redacted: { label: "root", token: R, children: [{ label: "kid", token: R, children: [{ label: "grandkid", token: R }] }] },
      secrets: ["T0", "T1", "T2"],
    });
    expect(secretPaths(node)).toEqual([["token"], ["children", "*", "token"], ["children", "*", "children", "*"]]);
  });

  test("a getter that reads its input is resolved with the value; without a value the whole field counts as secret", () => {
    const isKey = (input: unknown) => typeof input === "object" && input !== null && (input as { type?: unknown }).type === "key";
    const schema = v.strictObject({
      auth: v.lazy((input) =>
        isKey(input) ? v.strictObject({ type: v.literal("key"), key: secret() }) : v.strictObject({ type: v.literal("url"), url: v.string() }),
      ),
    });
    expect(secretPaths(schema)).toEqual([["auth"]]);
    expect(shown(schema, { auth: { type: "key", key: "INPUT-KEY" } })).toEqual({ redacted: { auth: { type: "key", key: R } }, secrets: ["INPUT-KEY"] });
    expect(shown(schema, { auth: { type: "url", url: "https://x.example" } })).toEqual({
      redacted: { auth: { type: "url", url: "https://x.example" } },
      secrets: [],
    });
  });
});

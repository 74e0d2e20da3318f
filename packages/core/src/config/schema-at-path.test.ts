import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { schemaAtPath } from "./schema-at-path.ts";

const sizing = v.union([v.strictObject({ equityFraction: v.number() }), v.strictObject({ quantity: v.number(), unit: v.optional(v.string()) })]);
const schema = v.object({
  sizing: v.optional(sizing),
  account: v.variant("kind", [v.object({ kind: v.literal("sub"), accountId: v.string() })]),
  list: v.array(v.object({ name: v.string() })),
});

describe("schemaAtPath", () => {
  test("walks objects, optional wrappers and arrays", () => {
    expect(schemaAtPath(schema, ["list", "0", "name"])?.type).toBe("string");
    expect(schemaAtPath(schema, ["missing"])).toBeUndefined();
  });

  test("a key of a union or variant option leads into the option that declares it", () => {
    expect(schemaAtPath(schema, ["sizing", "equityFraction"])?.type).toBe("number");
    expect(schemaAtPath(schema, ["sizing", "unit"])?.type).toBe("optional");
    expect(schemaAtPath(schema, ["account", "accountId"])?.type).toBe("string");
    expect(schemaAtPath(schema, ["sizing", "nothing"])).toBeUndefined();
  });
});

import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";

/** A JSON Schema object (draft-07). */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a config as a user writes it (input mode: defaults shown, fields with defaults optional). */
export function toConfigJsonSchema(schema: v.GenericSchema<unknown, unknown>, title?: string): JsonSchema {
  const json = toJsonSchema(schema as Parameters<typeof toJsonSchema>[0], {
    typeMode: "input",
    // Transformations have no JSON Schema form; the validated shape is what editors need.
    errorMode: "ignore",
  }) as JsonSchema;
  return title ? { ...json, title } : json;
}

import { isArgoError } from "@argo/core";
import { expect, test } from "bun:test";
import { substituteEnv } from "./substitute-env.ts";

test("${VAR} and ${VAR:-default} are substituted in every string, nested and in arrays", () => {
  const env = { KEY: "abc", PORT: "7497" };
  const out = substituteEnv({ a: "${KEY}", b: { c: ["x-${KEY}-y", "${MISSING:-fallback}"] }, port: "${PORT}", n: 3 }, env);
  expect(out).toEqual({ a: "abc", b: { c: ["x-abc-y", "fallback"] }, port: 7497, n: 3 });
});

test("an empty variable takes the default; an unset one without default names the variable and path, not values", () => {
  expect(substituteEnv("${EMPTY:-d}", { EMPTY: "" })).toBe("d");
  let error: unknown;
  try {
    substituteEnv({ trading: { config: { apiKey: "${BINANCE_KEY}" } } }, { OTHER: "s3cret" });
  } catch (e) {
    error = e;
  }
  expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
  expect((error as Error).message).toContain("trading.config.apiKey");
  expect((error as Error).message).toContain("${BINANCE_KEY}");
  expect((error as Error).message).not.toContain("s3cret");
});

test("a value that is only a placeholder takes the type its text spells, when that is lossless", () => {
  const env = { PORT: "9000", LIVE: "false", ZIP: "007", KEY: "12345678901234567890", RATE: "0.5" };
  const out = substituteEnv({ port: "${PORT}", live: "${LIVE}", zip: "${ZIP}", key: "${KEY}", rate: "${RATE}", d: "${NONE:-8787}", mixed: "p${PORT}" }, env);
  expect(out).toEqual({ port: 9000, live: false, zip: "007", key: "12345678901234567890", rate: 0.5, d: 8787, mixed: "p9000" });
});

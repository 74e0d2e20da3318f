import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { configSchemaLookup } from "./config-schema-at.ts";
import { traceEnvOverrides } from "./env-overrides.ts";

const tmp = tempDir("argo-env-clashes-");
afterAll(() => tmp.cleanup());

const FILE = `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\nrisk: { maxOrderValue: 5000 }\n`;

/** validate's exit code, its problems as { path, message }, and what it printed. */
async function validate(env: Record<string, string>) {
  const path = writeConfig(tmp.dir, "clash.yaml", FILE);
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => ({ path: m[1]!, message: m[2]! }));
  return { code, problems, out: c.stdout() };
}

describe("two ARGO__ spellings of one key are refused at that key, naming both, whichever order their names sort in", () => {
  // Each pair names risk.maxOrderValue twice (parts match ignoring case and underscores): a stale one must not win.
  const pairs: Record<string, string>[] = [
    { ARGO__RISK__MAX_ORDER_VALUE: "1000", ARGO__RISK__MAXORDERVALUE: "1000000" },
    { ARGO__RISK__MAX_ORDER_VALUE: "1000000", ARGO__RISK__MAXORDERVALUE: "1000" },
    { ARGO__RISK__MAX_ORDER_VALUE: "1000", ARGO__risk__max_order_value: "1000000" },
    { ARGO__RISK__MAX_ORDER_VALUE: "1000", ARGO__RISK__maxOrderValue: "1000000" },
  ];
  for (const env of pairs) {
    test(Object.keys(env).join(" + "), async () => {
      const r = await validate(env);
      expect(r.code).toBe(3);
      expect(r.problems.map((p) => p.path)).toEqual(["risk.maxOrderValue"]);
      // The message lists the names sorted (by code unit), whatever order the environment has them in.
      const [a, b] = Object.keys(env).sort();
      expect(r.problems[0]!.message).toBe(`set by both ${a} and ${b}; keep one`);
    });
  }

  test("one spelling alone sets the key (the file's 5000 is replaced by 1000)", async () => {
    const r = await validate({ ARGO__RISK__MAXORDERVALUE: "1000" });
    expect(r.code).toBe(0);
    expect(r.out).toContain('"maxOrderValue": 1000\n');
  });

  test("one list item named twice is refused at the item", async () => {
    const r = await validate({ ARGO__ENGINE__SYMBOLS__0: "ETHUSD", ARGO__ENGINE__symbols__0: "SOLUSD" });
    expect(r.code).toBe(3);
    expect(r.problems).toEqual([{ path: "engine.symbols.0", message: "set by both ARGO__ENGINE__SYMBOLS__0 and ARGO__ENGINE__symbols__0; keep one" }]);
  });
});

describe("a whole list and an item of it", () => {
  test("spelt alike (the README's form) is kept: the item changes the list the other variable sets", async () => {
    const r = await validate({ ARGO__ENGINE__SYMBOLS: "[ETHUSD]", ARGO__ENGINE__SYMBOLS__1: "SOLUSD" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("symbols       ETHUSD, SOLUSD @ 1m");
  });

  // Spelt differently, the item could sort before the list and be wiped by it: refused in either order.
  const spellings: Record<string, string>[] = [
    { ARGO__ENGINE__symbols: "[ETHUSD]", ARGO__ENGINE__SYMBOLS__0: "SOLUSD" },
    { ARGO__ENGINE__SYMBOLS: "[ETHUSD]", ARGO__ENGINE__symbols__0: "SOLUSD" },
  ];
  for (const env of spellings) {
    const [list, item] = Object.keys(env) as [string, string];
    test(`spelt another way (${list} + ${item}) is refused at the list, naming both`, async () => {
      const r = await validate(env);
      expect(r.code).toBe(3);
      expect(r.problems.map((p) => p.path)).toEqual(["engine.symbols"]);
      expect(r.problems[0]!.message).toStartWith(`set by ${list} and, inside it, by ${item}; keep one, or spell the item as the list is, ${list}__0`);
    });
  }
});

test("a clashing pair changes nothing, and the other variables still apply", () => {
  const schemaAt = configSchemaLookup({});
  const { config, overrides } = traceEnvOverrides({ risk: { maxOrderValue: 5000 } }, {
    ARGO__RISK__MAX_ORDER_VALUE: "1",
    ARGO__RISK__MAXORDERVALUE: "2",
    ARGO__RISK__MAX_DRAWDOWN: "0.2",
  }, schemaAt);
  expect(config).toEqual({ risk: { maxOrderValue: 5000, maxDrawdown: 0.2 } });
  expect(overrides.filter((o) => o.refused !== undefined).map((o) => o.variable).sort()).toEqual(["ARGO__RISK__MAXORDERVALUE", "ARGO__RISK__MAX_ORDER_VALUE"]);
});

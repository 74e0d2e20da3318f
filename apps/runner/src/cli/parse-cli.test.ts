import { expect, test } from "bun:test";
import { parseCli } from "./parse-cli.ts";
import { UsageError } from "./usage-error.ts";

test("commands, positionals and flags parse; help is recognised everywhere", () => {
  expect(parseCli([])).toMatchObject({ command: "help", help: true });
  expect(parseCli(["run", "cfg.yaml", "--symbols", "A,B", "--live"])).toMatchObject({
    command: "run", positionals: ["cfg.yaml"], flags: { symbols: "A,B", live: true }, help: false,
  });
  expect(parseCli(["backtest", "--help"]).help).toBe(true);
  expect(parseCli(["providers", "--json"]).flags.json).toBe(true);
});

test("unknown commands and flags are usage errors naming them", () => {
  expect(() => parseCli(["launch"])).toThrow(UsageError);
  expect(() => parseCli(["launch"])).toThrow(/unknown command "launch"/);
  expect(() => parseCli(["run", "--bogus"])).toThrow(/--bogus/);
  expect(() => parseCli(["providers", "--live"])).toThrow(UsageError);
});

import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { parseCli } from "./parse-cli.ts";

const tmp = tempDir("argo-extra-arguments-");
afterAll(() => tmp.cleanup());

const good = writeConfig(tmp.dir, "good.yaml", `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\n`);
const bad = writeConfig(tmp.dir, "bad.yaml", "engine: { symbols: [] }\n");

describe("an argument beyond what a command takes is a usage error (exit 2) naming it, with the command's usage", () => {
  // Each command's help says what it takes: one config (run, backtest, validate), one name (schema), none (providers).
  const cases = [
    { argv: ["validate", good, bad], extra: [bad] },
    { argv: ["backtest", good, bad, "--no-progress"], extra: [bad] },
    { argv: ["run", good, "--symbols", "BTCUSD", bad, "x"], extra: [bad, "x"] },
    { argv: ["schema", "config", "risk"], extra: ["risk"] },
    { argv: ["providers", "paper"], extra: ["paper"] },
  ];
  for (const { argv, extra } of cases) {
    test(`argo ${argv[0]} with ${extra.length} more`, async () => {
      const c = captureIo({ cwd: tmp.dir });
      expect(await main(argv, c.io)).toBe(2);
      const quoted = extra.map((argument) => JSON.stringify(argument)).join(" ");
      expect(c.stderr()).toStartWith(`argo: unexpected argument${extra.length > 1 ? "s" : ""} ${quoted}: "argo ${argv[0]}" takes `);
      expect(c.stderr()).toContain(`Usage: argo ${argv[0]}`);
      // Nothing ran: not "valid", no schema, no provider list, no session.
      expect(c.stdout()).toBe("");
    });
  }

  test("the good file first does not make the pair valid", async () => {
    const c = captureIo({ cwd: tmp.dir });
    expect(await main(["validate", good], c.io)).toBe(0);
    expect(c.stdout()).toStartWith(`${good}: valid`);
    const both = captureIo({ cwd: tmp.dir });
    await main(["validate", good, bad], both.io);
    expect(both.all()).not.toContain(`${good}: valid`);
  });
});

test("every documented form still parses", () => {
  expect(parseCli(["run"]).positionals).toEqual([]);
  expect(parseCli(["run", "config.yaml", "--live"]).positionals).toEqual(["config.yaml"]);
  expect(parseCli(["backtest", "config.yaml", "--no-progress"]).positionals).toEqual(["config.yaml"]);
  expect(parseCli(["validate", "config.yaml"]).positionals).toEqual(["config.yaml"]);
  expect(parseCli(["schema", "config"]).positionals).toEqual(["config"]);
  expect(parseCli(["providers", "--json"]).positionals).toEqual([]);
  expect(parseCli(["help", "run"]).positionals).toEqual(["run"]);
});

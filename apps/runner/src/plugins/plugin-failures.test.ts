// A plugin that fails as it is imported, or that registers nothing, is named by every command that loads it: run,
// backtest and validate (a `plugins:` entry), providers and schema (`--plugin`). A failure is a config mistake (exit 3,
// as a plugin that is not installed is), its own message kept after `plugin package "<spec>" failed to load:`.
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { EXIT } from "../cli/exit-codes.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-plugin-failures-");
afterAll(() => tmp.cleanup());

let n = 0;
/** A plugin module with this body, in a file of its own (a module runs once per process); its spec as a config names it. */
function plugin(body: string): string {
  const name = `./plugin-${++n}.ts`;
  writeFileSync(join(tmp.dir, name), body);
  return name;
}

/** `argo <command>` in-process with the plugin: in the config's `plugins:` for run/backtest/validate, else `--plugin`. */
async function argo(command: string, spec: string, trading = "paper") {
  const c = captureIo({ cwd: tmp.dir });
  const args =
    command === "providers" ? ["providers", "--plugin", spec]
    : command === "schema" ? ["schema", trading, "--plugin", spec]
    : [command, writeConfig(tmp.dir, `cfg-${n}.yaml`,
        `engine: { symbols: [BTCUSD], interval: 1m, data_dir: ./data-${n} }\n` +
        `market_data: { provider: simulated, config: { bars: 30, barDelayMs: 0 } }\n` +
        `trading: { provider: ${trading} }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\nplugins: [${spec}]\n`)];
  const code = await main(args, c.io);
  return { code, stderr: c.stderr() };
}

const COMMANDS = ["run", "backtest", "validate", "providers", "schema"];

describe("a plugin that throws as it is imported is named, with its message, as a config mistake", () => {
  for (const command of COMMANDS) {
    test(`argo ${command}`, async () => {
      const spec = plugin('throw new Error("boom");\n');
      const r = await argo(command, spec);
      expect(r.code).toBe(EXIT.INVALID_CONFIG);
      expect(r.stderr).toContain(`plugin package "${spec}" failed to load: boom`);
    });
  }
});

describe("a plugin that registers no provider is named", () => {
  const note = (spec: string) => `plugin package "${spec}" registered no provider as it was imported (a plugin must call registerProvider when imported)`;

  // Before, the error listed the providers there are and left the plugin out: the user saw no link to it.
  for (const command of ["run", "backtest", "validate"]) {
    test(`argo ${command}: in the error about the provider the config names and nobody registered`, async () => {
      const spec = plugin("export const provider = { name: 'mine' };\n");
      const r = await argo(command, spec, "mine");
      expect(r.code).toBe(EXIT.INVALID_CONFIG);
      // The list of what is available depends on what this test process registered: only its end is pinned.
      const line = r.stderr.split("\n").find((l) => l.includes("✗ trading.provider:"));
      expect(line).toStartWith('  ✗ trading.provider: unknown trading provider "mine"; available: ');
      expect(line).toEndWith(`; ${note(spec)}`);
    });
  }

  test("argo schema <that provider> --plugin: in the error, instead of the hint to add a --plugin already given", async () => {
    const spec = plugin("export const provider = { name: 'mine' };\n");
    const r = await argo("schema", spec, "mine");
    expect(r.code).toBe(EXIT.INVALID_CONFIG);
    expect(r.stderr).toEndWith(`; ${note(spec)}\n`);
    expect(r.stderr).not.toContain("add --plugin");
  });

  test("argo providers --plugin: a line on stderr (before, nothing: the list was printed as if the plugin were fine)", async () => {
    const spec = plugin("export const nothing = 1;\n");
    const r = await argo("providers", spec);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stderr).toBe(`argo: ${note(spec)}\n`);
  });
});

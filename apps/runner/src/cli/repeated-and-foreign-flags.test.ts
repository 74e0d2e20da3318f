// A flag given twice kept the last value silently (`--symbols A --symbols B` traded B only), and `argo backtest
// --data-dir x` was accepted and did nothing (a backtest keeps no journal). Both are usage errors now (exit 2) naming
// the flag, before any file is read; --plugin, which takes several values, may still repeat.
import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { HELP } from "./help-text.ts";
import { parseCli } from "./parse-cli.ts";

const tmp = tempDir("argo-repeated-flags-");
afterAll(() => tmp.cleanup());

const good = writeConfig(tmp.dir, "good.yaml", `engine: { symbols: [BTCUSD], interval: 1m }\nstrategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\n`);

/** Exit code, stdout and the first stderr line of `argo <argv>`. */
async function argo(argv: string[]) {
  const c = captureIo({ cwd: tmp.dir });
  const code = await main(argv, c.io);
  return { code, out: c.stdout(), first: c.stderr().split("\n")[0] };
}

describe("a flag given twice", () => {
  test.each([
    [["run", good, "--symbols", "A", "--symbols", "B"], "symbols"],
    [["backtest", good, "--strategy-config", "{}", "--strategy-config={}"], "strategy-config"],
    [["backtest", good, "--no-progress", "--no-progress"], "no-progress"],
    [["run", good, "--live", "--status-port", "0", "--live"], "live"],
  ])("%j: exit 2 naming the flag, nothing run", async (argv, flag) => {
    expect(await argo(argv)).toEqual({ code: 2, out: "", first: `argo: --${flag} is given more than once: give it once` });
  });

  test("--plugin takes several values, and -h twice asks for help once", () => {
    expect(parseCli(["providers", "--plugin", "a", "--plugin", "b"]).flags.plugin).toEqual(["a", "b"]);
    expect(parseCli(["run", "-h", "--help"]).help).toBe(true);
  });
});

describe("a flag of the other session command", () => {
  test.each([
    [["backtest", good, "--data-dir", "./d"], 'argo: --data-dir applies to "argo run" only (a backtest keeps no journal)'],
    [["backtest", good, "--data-dir=./d"], 'argo: --data-dir applies to "argo run" only (a backtest keeps no journal)'],
    [["backtest", good, "--status-port", "0"], 'argo: --status-port applies to "argo run" only (a backtest serves no status API)'],
    [["run", good, "--from", "2024-01-01"], 'argo: --from applies to "argo backtest" only'],
    [["run", good, "--output", "x"], 'argo: --output applies to "argo backtest" only'],
  ])("%j: exit 2 saying which command takes it", async (argv, line) => {
    expect(await argo(argv)).toEqual({ code: 2, out: "", first: line });
  });

  test("the help text lists --data-dir for run only", () => {
    expect(HELP.run).toContain("--data-dir <dir>");
    expect(HELP.backtest).not.toContain("--data-dir");
  });
});

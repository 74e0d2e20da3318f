// One rule for an empty value, wherever it comes from (README "An empty value"): an ARGO__ variable set to nothing, a
// flag or argument given "", and a ${VAR} whose variable is set to nothing (without a :- default) are each refused,
// naming the variable, the flag, or the config path and the variable. Before, they were three rules: the variable was
// applied as "" (or an empty list) and judged by the field, the flag counted as not given (the file's value used
// unseen), and the empty ${VAR} was called "not set".
import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { EXIT } from "../cli/exit-codes.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-empty-values-");
afterAll(() => tmp.cleanup());

// Valid alone (the first test checks it): every problem below is the empty value's.
const FILE =
  `engine: { symbols: [BTCUSD], interval: 1m }\n` +
  `market_data: { provider: simulated, config: { bars: 40, barDelayMs: 0 } }\n` +
  `strategy: { path: ${SMA_CROSS} }\nstatus: { enabled: false }\n`;

/** Runs `argo <args>` in-process on the file (its path put where `{}` is); exit code, problems (path: message) and stderr. */
async function argo(args: string[], env: Record<string, string> = {}, file = FILE) {
  const path = writeConfig(tmp.dir, "empty.yaml", file);
  const c = captureIo({ env, cwd: tmp.dir });
  const code = await main(args.map((a) => (a === "{}" ? path : a)), c.io);
  const problems = [...c.stderr().matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  return { code, problems, stderr: c.stderr() };
}

test("the file alone is valid", async () => {
  expect((await argo(["validate", "{}"])).code).toBe(EXIT.OK);
});

describe("an ARGO__ variable set to nothing is refused at its key, naming it, and the file's value is not replaced", () => {
  const refusal = (variable: string) =>
    `${variable} is set but empty: give it a value, or unset it to keep the file's value (an empty value is refused wherever it comes from)`;

  test("a list field: before, it became an empty list the schema called \"needs at least one symbol\"", async () => {
    const r = await argo(["validate", "{}"], { ARGO__ENGINE__SYMBOLS: "" });
    expect(r.code).toBe(EXIT.INVALID_CONFIG);
    expect(r.problems).toEqual([`engine.symbols: ${refusal("ARGO__ENGINE__SYMBOLS")}`]);
  });

  test("a text field of a provider's config, and one of the runner's", async () => {
    const r = await argo(["validate", "{}"], { ARGO__TRADING__CONFIG__CURRENCY: "", ARGO__ENGINE__INTERVAL: "" });
    expect(r.code).toBe(EXIT.INVALID_CONFIG);
    expect(r.problems.toSorted()).toEqual([
      `engine.interval: ${refusal("ARGO__ENGINE__INTERVAL")}`,
      `trading.config.currency: ${refusal("ARGO__TRADING__CONFIG__CURRENCY")}`,
    ]);
  });

  test("argo run refuses it before trading, as validate does", async () => {
    const r = await argo(["run", "{}"], { ARGO__ENGINE__INTERVAL: "" });
    expect(r.code).toBe(EXIT.INVALID_CONFIG);
    expect(r.problems).toEqual([`engine.interval: ${refusal("ARGO__ENGINE__INTERVAL")}`]);
    expect(r.stderr).not.toContain("engine started");
  });
});

describe("a ${VAR} set to nothing is refused at its path, naming the variable as empty, not as unset", () => {
  test("without a default", async () => {
    const r = await argo(["validate", "{}"], { INTERVAL: "" }, FILE.replace("interval: 1m", 'interval: "${INTERVAL}"'));
    expect(r.code).toBe(EXIT.INVALID_CONFIG);
    expect(r.problems).toEqual(["engine.interval: environment variable ${INTERVAL} is empty (give it a value, or write ${NAME:-default} to fall back when empty)"]);
  });

  test("with a :- default the default applies, as in the shell (the one way to let an empty value fall back)", async () => {
    const r = await argo(["validate", "{}"], { INTERVAL: "" }, FILE.replace("interval: 1m", 'interval: "${INTERVAL:-5m}"'));
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(EXIT.OK);
  });
});

describe("a flag or argument given an empty value is refused as one given no value (a usage error, exit 2)", () => {
  // Before, `--symbols=` counted as not given: the backtest ran on the file's symbols.
  for (const args of [["--symbols="], ["--symbols", ""], ["--output="], ["--strategy", ""]]) {
    test(`argo backtest ${JSON.stringify(args)}`, async () => {
      const r = await argo(["backtest", "{}", ...args, "--no-progress"]);
      const flag = args[0]!.replace("=", "");
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.stderr).toStartWith(`argo: ${flag} is given an empty value: give it a value, or leave the flag out\n`);
    });
  }

  test("argo providers --plugin \"\" (before: a plugin package \"\" not installed)", async () => {
    const r = await argo(["providers", "--plugin", ""]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toStartWith("argo: --plugin is given an empty value: give it a value, or leave the flag out\n");
  });

  test('argo run "" (before: read as a config file named "", its problems headed ": 2 problems")', async () => {
    const r = await argo(["run", ""]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toStartWith('argo: an empty argument ("") is given where "argo run" takes one config file: name it, or leave it out\n');
  });

  test('argo validate "" and argo schema "": "name it" alone, as neither runs without its argument (docs hunt)', async () => {
    const validate = await argo(["validate", ""]);
    expect([validate.code, validate.stderr.split("\n")[0]]).toEqual([EXIT.USAGE, 'argo: an empty argument ("") is given where "argo validate" takes one config file: name it']);
    const schema = await argo(["schema", ""]);
    expect([schema.code, schema.stderr.split("\n")[0]]).toEqual([EXIT.USAGE, 'argo: an empty argument ("") is given where "argo schema" takes one name (a provider, "config" or "risk"): name it']);
    const providers = await argo(["providers", ""]);
    expect([providers.code, providers.stderr.split("\n")[0]]).toEqual([EXIT.USAGE, 'argo: an empty argument ("") is given where "argo providers" takes no arguments: leave it out']);
  });
});

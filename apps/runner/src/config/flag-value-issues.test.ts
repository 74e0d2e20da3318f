import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { main } from "../main.ts";
import { flagValueIssues } from "./flag-value-issues.ts";

const PORT = "expected a port number 0-65535 (0 picks a free one)";
const LEVELS = "expected one of trace, debug, info, warn, error, fatal, silent";

describe("flagValueIssues: a bad value is reported at the flag, with the text as typed", () => {
  test("--status-port takes digits 0-65535 only: not a word, a fraction, a sign, hex or an exponent", () => {
    for (const text of ["abc", "1.5", "-1", "70000", "65536", "0x10", "1e3", " 80", "80 "]) {
      expect(flagValueIssues({ "status-port": text })).toEqual([{ path: "--status-port", message: `${PORT}, got ${JSON.stringify(text)}` }]);
    }
    for (const text of ["0", "1", "8787", "65535"]) expect(flagValueIssues({ "status-port": text })).toEqual([]);
  });

  test("--log-level names the levels it takes", () => {
    expect(flagValueIssues({ "log-level": "loud" })).toEqual([{ path: "--log-level", message: `${LEVELS}, got "loud"` }]);
    expect(flagValueIssues({ "log-level": "debug" })).toEqual([]);
  });

  test("--interval, --symbols, --from and --to go by their config field's rule, named by the flag", () => {
    const issues = flagValueIssues({ interval: "7x", symbols: " , ,", from: "2020-13-01", to: "2021-02-30" });
    expect(issues.map((issue) => issue.path)).toEqual(["--interval", "--symbols", "--from", "--to"]);
    expect(issues[0]!.message).toStartWith("must be a number and a unit");
    expect(issues[0]!.message).toEndWith(', got "7x"');
    expect(issues[1]!.message).toBe('needs at least one symbol, got " , ,"');
    expect(issues[2]!.message).toBe('must be a date like 2010-01-31, got "2020-13-01"');
    expect(issues[3]!.message).toBe('must be a real day: 2021-02 has no day 30, got "2021-02-30"');
    expect(flagValueIssues({ interval: "5m", symbols: "BTCUSD, ETHUSD", from: "2020-01-01", to: "2020-02-01" })).toEqual([]);
  });

  test("--to on or before --from is the command line's mistake", () => {
    for (const to of ["2021-01-02", "2021-01-01"]) {
      const issues = flagValueIssues({ from: "2021-01-02", to });
      expect(issues.map((issue) => issue.path)).toEqual(["--to"]);
      expect(issues[0]!.message).toContain("later day than --from (2021-01-02)");
    }
  });

  test("an empty value counts as not given, as applyFlags takes it; flags that take any text are not judged", () => {
    expect(flagValueIssues({ "status-port": "", "log-level": "", interval: "", output: "x", "data-dir": "./d", live: true })).toEqual([]);
  });
});

describe("argo run / backtest: a bad flag value names the flag, before the config file is even read", () => {
  // The file does not exist: had anything read it, its error would be printed instead.
  const missing = join(import.meta.dir, "no-such-dir", "argo.yaml");

  test("argo run --status-port abc: exit 3, the flag and the text named, no config key, nothing started", async () => {
    const c = captureIo();
    expect(await main(["run", missing, "--status-port", "abc"], c.io)).toBe(3);
    expect(c.stderr()).toContain(`--status-port: ${PORT}, got "abc"`);
    expect(c.stderr()).not.toContain("status.port");
    expect(c.stderr()).not.toContain(missing);
    expect(c.stderr()).not.toContain("listening");
    expect(c.stdout()).toBe("");
  });

  test("argo run --status-port=-1 and 1.5, --log-level loud: each named at its flag in one report", async () => {
    const c = captureIo();
    expect(await main(["run", missing, "--status-port=-1", "--log-level", "loud"], c.io)).toBe(3);
    expect(c.stderr()).toContain("command line: 2 problems");
    expect(c.stderr()).toContain(`--status-port: ${PORT}, got "-1"`);
    expect(c.stderr()).toContain(`--log-level: ${LEVELS}, got "loud"`);
    const fraction = captureIo();
    expect(await main(["run", missing, "--status-port", "1.5"], fraction.io)).toBe(3);
    expect(fraction.stderr()).toContain(`--status-port: ${PORT}, got "1.5"`);
  });

  test("argo backtest --from 2020-13-01 --interval 7x: exit 3, both flags named", async () => {
    const c = captureIo();
    expect(await main(["backtest", missing, "--from", "2020-13-01", "--interval", "7x"], c.io)).toBe(3);
    expect(c.stderr()).toContain('--from: must be a date like 2010-01-31, got "2020-13-01"');
    expect(c.stderr()).toMatch(/--interval: must be a number and a unit.*, got "7x"/);
    expect(c.stderr()).not.toMatch(/backtest\.from|engine\.interval/);
  });
});

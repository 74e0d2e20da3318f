import { describe, expect, test } from "bun:test";
import pkg from "../package.json" with { type: "json" };
import { captureIo } from "./__fixtures__/capture-io.ts";
import { COMMANDS } from "./cli/parse-cli.ts";
import { main } from "./main.ts";

describe("help and version", () => {
  for (const argv of [[], ["--help"], ["-h"], ["help"]]) {
    test(`argo ${argv.join(" ") || "(nothing)"} prints the overview naming every command, exit 0`, async () => {
      const c = captureIo();
      expect(await main(argv, c.io)).toBe(0);
      for (const command of ["run", "backtest", "providers", "schema", "validate"]) expect(c.stdout()).toMatch(new RegExp(`^  ${command}\\b`, "m"));
      expect(c.stderr()).toBe("");
    });
  }

  test("argo help <command> prints exactly what argo <command> --help prints, exit 0", async () => {
    for (const command of COMMANDS.filter((c) => c !== "help")) {
      const viaHelp = captureIo();
      expect(await main(["help", command], viaHelp.io)).toBe(0);
      const viaFlag = captureIo();
      expect(await main([command, "--help"], viaFlag.io)).toBe(0);
      expect(viaHelp.stdout()).toContain(`Usage: argo ${command}`);
      expect(viaHelp.stdout()).toBe(viaFlag.stdout());
      expect(viaHelp.stderr()).toBe("");
    }
  });

  test("argo help <unknown> says the command is unknown and lists the commands, exit 2 (a usage error)", async () => {
    const c = captureIo();
    expect(await main(["help", "launch"], c.io)).toBe(2);
    expect(c.stderr()).toContain('unknown command "launch"');
    for (const command of COMMANDS) expect(c.stderr()).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(c.stdout()).toBe("");
    const extra = captureIo();
    expect(await main(["help", "run", "backtest"], extra.io)).toBe(2);
    expect(extra.stdout()).toBe("");
  });

  test("--version and -v print the package version alone", async () => {
    for (const flag of ["--version", "-v"]) {
      const c = captureIo();
      expect(await main([flag], c.io)).toBe(0);
      expect(c.stdout().trim()).toBe(pkg.version);
      expect(c.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  test("every command has its own --help naming its usage, without running anything", async () => {
    for (const command of COMMANDS.filter((c) => c !== "help")) {
      const c = captureIo();
      expect(await main([command, "--help"], c.io)).toBe(0);
      expect(c.stdout()).toContain(`Usage: argo ${command}`);
      expect(c.stderr()).toBe("");
    }
  });

  test("backtest --help lists its own flags", async () => {
    const c = captureIo();
    expect(await main(["backtest", "-h"], c.io)).toBe(0);
    for (const flag of ["--from", "--to", "--output", "--no-progress", "--strategy", "--market-data-provider"]) expect(c.stdout()).toContain(flag);
  });

  test("run --help documents --live, --status-port and the environment rules", async () => {
    const c = captureIo();
    expect(await main(["run", "--help"], c.io)).toBe(0);
    expect(c.stdout()).toContain("--live");
    expect(c.stdout()).toContain("--status-port");
    expect(c.stdout()).toContain("ARGO_CONFIRM_LIVE");
    expect(c.stdout()).toContain("ARGO__SECTION__KEY");
  });
});

describe("usage errors exit 2 with the message and the help", () => {
  test("an unknown command names it and lists the commands", async () => {
    const c = captureIo();
    expect(await main(["launch"], c.io)).toBe(2);
    expect(c.stderr()).toContain('unknown command "launch"');
    for (const command of COMMANDS) expect(c.stderr()).toContain(command);
    expect(c.stdout()).toBe("");
  });

  test("an unknown flag names the flag and the command, then shows that command's help", async () => {
    const c = captureIo();
    expect(await main(["run", "--bogus"], c.io)).toBe(2);
    expect(c.stderr()).toContain("--bogus");
    expect(c.stderr()).toContain("Usage: argo run");
  });

  test("a flag of another command is refused (--json on validate, --live on providers)", async () => {
    for (const argv of [["validate", "x.yaml", "--json"], ["providers", "--live"]]) {
      const c = captureIo();
      expect(await main(argv, c.io)).toBe(2);
      expect(c.stderr()).toContain(argv.at(-1)!);
    }
  });

  test("a string flag without its value is a usage error", async () => {
    const c = captureIo();
    expect(await main(["run", "--symbols"], c.io)).toBe(2);
    expect(c.stderr()).toContain("--symbols");
  });

  test("validate and schema without their argument say what is missing", async () => {
    const v = captureIo();
    expect(await main(["validate"], v.io)).toBe(2);
    expect(v.stderr()).toContain("name the config file");
    const s = captureIo();
    expect(await main(["schema"], s.io)).toBe(2);
    expect(s.stderr()).toContain('"config"');
  });

  test("no failure prints a stack trace", async () => {
    for (const argv of [["launch"], ["validate", "/nonexistent/argo.yaml"], ["schema", "no-such-provider"]]) {
      const c = captureIo();
      await main(argv, c.io);
      expect(c.stderr()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});

import { afterAll, describe, expect, test } from "bun:test";
import { registerProvider, unregisterProvider } from "@argo/core";
import * as v from "valibot";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { DEMO_YAML, EXAMPLE_PLUGIN, FAKE_LIVE_PLUGIN, SMA_CROSS, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const STATUS_TOKEN = "status-token-Zq81-do-not-print";
const LIVE_KEY = "live-api-key-Xy72-do-not-print";
const EXAMPLE_TOKEN = "example-api-token-Wv55-do-not-print";

async function validate(path: string, env: Record<string, string> = {}, cwd?: string) {
  const c = captureIo({ env, ...(cwd ? { cwd } : {}) });
  const code = await main(["validate", path], c.io);
  return { code, out: c.stdout(), err: c.stderr(), all: c.all() };
}

/** The `✗ path: message` lines of a refused config, as [path, message] pairs. */
function problems(text: string): Array<[string, string]> {
  return [...text.matchAll(/^ {2}✗ (\S+): (.*)$/gm)].map((m) => [m[1]!, m[2]!]);
}

/** The redacted JSON a valid `argo validate` prints after its summary. */
function printedConfig(out: string): Record<string, any> {
  return JSON.parse(out.slice(out.indexOf("\n{") + 1));
}

describe("argo validate: a valid config", () => {
  test("the demo config is valid: exit 0 and a summary of strategy, providers and symbols", async () => {
    const r = await validate(DEMO_YAML);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${DEMO_YAML}: valid`);
    expect(r.out).toMatch(/strategy\s+sma-cross/);
    expect(r.out).toMatch(/market data\s+simulated/);
    expect(r.out).toMatch(/trading\s+paper\s+\(paper\)/);
    expect(r.out).toMatch(/symbols\s+BTCUSD, ETHUSD @ 1m/);
    expect(printedConfig(r.out).risk).toEqual({ maxOrderValue: 60000, maxDrawdown: 0.2, maxDailyLoss: 0.1 });
  });

  test("a live provider is flagged as real money in the summary", async () => {
    const path = writeConfig(tmp.dir, "live.json", {
      ...quickSessionConfig(tmp.dir),
      plugins: [FAKE_LIVE_PLUGIN],
      trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: LIVE_KEY } },
    });
    const r = await validate(path);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/trading\s+fake-live\s+\(LIVE: real money/);
  });
});

describe("argo validate: every mistake at once, with its path", () => {
  test("a config with many mistakes lists each of them and exits 3", async () => {
    const path = writeConfig(
      tmp.dir,
      "many.yaml",
      `engine:
  symbols: [BTCUSD, BTCUSD]
  interval: 5x
  bogus: 1
market_data:
  provider: simulated
  config: { volatility: -1, seed: "seven" }
trading:
  provider: paper
  config: { initialCapital: -5 }
strategy:
  path: ${SMA_CROSS}
  config: { fast: 30, slow: 20 }
risk: { maxOrderValue: -1 }
status: { port: 99999 }
log: { level: loud }
`,
    );
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(r.out).toBe("");
    const found = problems(r.err);
    const paths = found.map(([p]) => p).sort();
    // One line per mistake in the file above, nothing else.
    expect(paths).toEqual(
      [
        "engine.symbols", "engine.interval", "engine.bogus", "market_data.config.volatility", "market_data.config.seed", "trading.config.initialCapital",
        "strategy.config.slow", "risk.maxOrderValue", "status.port", "log.level",
      ].sort(),
    );
    expect(r.err).toContain(`${path}: ${found.length} problems`);
    expect(found.find(([p]) => p === "engine.bogus")![1]).toContain("unknown key");
    expect(found.find(([p]) => p === "engine.symbols")![1]).toContain("must not name a symbol twice");
    expect(found.find(([p]) => p === "strategy.config.slow")![1]).toContain("greater than fast");
  });

  test("missing required parts name what to add", async () => {
    const r = await validate(writeConfig(tmp.dir, "empty.yaml", "log: { level: info }\n"));
    expect(r.code).toBe(3);
    expect(problems(r.err).map(([p]) => p).sort()).toEqual(["engine.symbols", "strategy.path"]);
    expect(r.err).toContain("--symbols");
    expect(r.err).toContain("--strategy");
    // The same messages when the sections exist but lack the field.
    const partial = await validate(writeConfig(tmp.dir, "partial.yaml", "engine: { interval: 1m }\nstrategy: { config: {} }\n"));
    expect(problems(partial.err)).toEqual(problems(r.err).sort(([a], [b]) => a.localeCompare(b)));
  });

  test("unknown providers are errors listing the available ones of that kind", async () => {
    const path = writeConfig(tmp.dir, "unknown.json", {
      ...quickSessionConfig(tmp.dir),
      trading: { provider: "papr" },
      market_data: { provider: "simulatd" },
    });
    const r = await validate(path);
    expect(r.code).toBe(3);
    const found = Object.fromEntries(problems(r.err));
    expect(found["trading.provider"]).toContain('unknown trading provider "papr"; available: ');
    expect(found["trading.provider"]!.split("available: ")[1]!.split(", ")).toContain("paper");
    expect(found["trading.provider"]).not.toContain("simulated");
    expect(found["market_data.provider"]!.split("available: ")[1]!.split(", ")).toEqual(expect.arrayContaining(["replay", "simulated"]));
  });

  test("replay files that cannot serve the session's symbols at its interval are named, as a run would refuse them", async () => {
    writeFileSync(join(tmp.dir, "btc-1h.csv"), "time,open,high,low,close\n");
    const path = writeConfig(tmp.dir, "replay-gaps.json", {
      ...quickSessionConfig(tmp.dir),
      market_data: { provider: "replay", config: { files: [{ path: "btc-1h.csv", symbol: "BTCUSD", interval: "1h" }, { path: "gone.csv", symbol: "ETHUSD", interval: "1m" }] } },
    });
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(problems(r.err)).toEqual([
      ["market_data.config.files.1.path", `file not found: "gone.csv" (resolved to ${join(tmp.dir, "gone.csv")})`],
      ["market_data.config.files", "replay has BTCUSD only at interval 1h, not 1m; add a file for BTCUSD at 1m to files"],
    ]);
  });

  test("a replay file whose bars are not spaced as its interval says is named at that interval, as a run would refuse it", async () => {
    // Daily GOOG bars (2004-08-19 on, with weekends) configured as hourly, so the session's interval finds the file.
    const goog = join(import.meta.dir, "../../../../../shared/reference/data/GOOG.csv");
    const path = writeConfig(tmp.dir, "replay-spacing.json", {
      ...quickSessionConfig(tmp.dir),
      engine: { symbols: ["GOOG"], interval: "1h" },
      market_data: { provider: "replay", config: { files: [{ path: goog, symbol: "GOOG", interval: "1h" }] } },
    });
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(problems(r.err)).toEqual([
      [
        "market_data.config.files.0.interval",
        `"${goog}" (GOOG) has no two bars closer than 1d in its first 500 rows, at least twice its interval "1h": set files.0.interval to the file's bar spacing`,
      ],
    ]);
  });

  test("a provider whose own session check throws does not pass the config", async () => {
    registerProvider({
      name: "check-throws", displayName: "C", description: "d", isPaperTrading: true, kind: "market-data", packageName: "@argo/runner-test",
      configSchema: v.strictObject({}), capabilities: {}, create: () => { throw new Error("unused"); },
      checkSession: () => { throw new Error("symbol table missing"); },
    });
    try {
      const r = await validate(writeConfig(tmp.dir, "check-throws.json", { ...quickSessionConfig(tmp.dir), market_data: { provider: "check-throws" } }));
      expect(r.code).toBe(3);
      expect(problems(r.err)).toEqual([["market_data.config", 'provider "check-throws" could not check this session: symbol table missing']]);
    } finally {
      unregisterProvider("check-throws");
    }
  });

  test("a provider of the wrong kind says what kind it is", async () => {
    const r = await validate(writeConfig(tmp.dir, "kind.json", { ...quickSessionConfig(tmp.dir), trading: { provider: "simulated" } }));
    expect(r.code).toBe(3);
    expect(Object.fromEntries(problems(r.err))["trading.provider"]).toContain('"simulated" is a market-data provider');
  });

  test("a missing strategy file, a missing config file and a YAML syntax error are each named", async () => {
    const noStrategy = await validate(writeConfig(tmp.dir, "nostrat.json", { ...quickSessionConfig(tmp.dir), strategy: { path: "./nowhere.ts" } }));
    expect(noStrategy.code).toBe(3);
    expect(Object.fromEntries(problems(noStrategy.err))["strategy.path"]).toContain("nowhere.ts");

    const missing = await validate(`${tmp.dir}/does-not-exist.yaml`);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain(`config file not found: ${tmp.dir}/does-not-exist.yaml`);

    const syntax = await validate(writeConfig(tmp.dir, "syntax.yaml", "engine: [\n"));
    expect(syntax.code).toBe(3);
    expect(syntax.err).toContain("syntax.yaml: not valid YAML");

    const json = await validate(writeConfig(tmp.dir, "syntax.json", "{ engine: "));
    expect(json.code).toBe(3);
    expect(json.err).toContain("syntax.json: not valid JSON");

    const list = await validate(writeConfig(tmp.dir, "list.yaml", "- a\n- b\n"));
    expect(list.code).toBe(3);
    expect(list.err).toContain("top level must be a mapping");
  });

  test("a plugin that is not installed is reported under plugins", async () => {
    const r = await validate(writeConfig(tmp.dir, "noplugin.json", { ...quickSessionConfig(tmp.dir), plugins: ["argo-provider-nowhere"] }));
    expect(r.code).toBe(3);
    expect(Object.fromEntries(problems(r.err)).plugins).toContain("bun add argo-provider-nowhere");
  });

  test("a plugin claiming a name another plugin registered is reported under plugins as the conflict it is", async () => {
    const core = join(import.meta.dir, "../../../../packages/core/src/index.ts");
    const clash = join(tmp.dir, "clash.ts");
    writeFileSync(
      clash,
      `import { registerProvider } from ${JSON.stringify(core)};\n` +
        `registerProvider({ name: "fake-live", displayName: "F", description: "d", isPaperTrading: true, kind: "trading", ` +
        `configSchema: { kind: "schema", type: "unknown", "~run": (d) => d }, capabilities: {}, packageName: "argo-provider-clash", create: () => ({}) });\n`,
    );
    const r = await validate(writeConfig(tmp.dir, "clash.json", { ...quickSessionConfig(tmp.dir), plugins: [FAKE_LIVE_PLUGIN, clash] }));
    expect(r.code).toBe(3);
    const found = Object.fromEntries(problems(r.err));
    expect(found.plugins).toContain('provider "fake-live" is registered by both "argo-fake-live-fixture" (trading) and "argo-provider-clash" (trading)');
    expect(found["market_data.provider"]).toBeUndefined();
  });

  test("a relative plugin path is resolved from the config's folder, not the working directory", async () => {
    const configDir = join(tmp.dir, "project", "config");
    const elsewhere = join(tmp.dir, "a", "b", "c", "d");
    mkdirSync(join(configDir, "plugins"), { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(configDir, "plugins", "fake-live.ts"), `import ${JSON.stringify(FAKE_LIVE_PLUGIN)};\n`);
    const path = writeConfig(configDir, "relative-plugin.json", {
      ...quickSessionConfig(tmp.dir),
      plugins: ["./plugins/fake-live.ts"],
      trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: LIVE_KEY } },
    });
    const r = await validate(path, {}, elsewhere);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  test("a plugin package installed in the working directory is found for a config kept elsewhere", async () => {
    const project = join(tmp.dir, "installed");
    const pkg = join(project, "node_modules", "argo-provider-fake-live");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "argo-provider-fake-live", type: "module", exports: "./index.ts" }));
    writeFileSync(join(pkg, "index.ts"), `import ${JSON.stringify(FAKE_LIVE_PLUGIN)};\n`);
    const path = writeConfig(tmp.dir, "installed-plugin.json", {
      ...quickSessionConfig(tmp.dir),
      plugins: ["argo-provider-fake-live"],
      trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: LIVE_KEY } },
    });
    const r = await validate(path, {}, project);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // Run from anywhere else, the same config cannot find it, and says how to install it.
    const away = await validate(path, {}, tmp.dir);
    expect(away.code).toBe(3);
    expect(away.err).toContain("bun add argo-provider-fake-live");
  });
});

describe("argo validate never prints a secret", () => {
  const secretConfig = (overrides: Record<string, unknown> = {}) => ({
    ...quickSessionConfig(tmp.dir),
    plugins: [FAKE_LIVE_PLUGIN],
    trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: LIVE_KEY } },
    status: { host: "127.0.0.1", port: 0, token: STATUS_TOKEN },
    ...overrides,
  });

  test("a valid config shows [REDACTED] for the provider key and the status token", async () => {
    const r = await validate(writeConfig(tmp.dir, "secrets.json", secretConfig()));
    expect(r.code).toBe(0);
    for (const value of [LIVE_KEY, STATUS_TOKEN]) expect(r.all).not.toContain(value);
    const printed = printedConfig(r.out);
    expect(printed.trading.config).toEqual({ accountId: "ACC-1", apiKey: "[REDACTED]" });
    expect(printed.status.token).toBe("[REDACTED]");
  });

  test("the example plugin's apiToken is redacted too", async () => {
    const r = await validate(
      writeConfig(tmp.dir, "example.json", {
        ...quickSessionConfig(tmp.dir),
        plugins: [EXAMPLE_PLUGIN],
        trading: { provider: "example", config: { initialCash: 1000, symbols: ["BTCUSD"], apiToken: EXAMPLE_TOKEN } },
      }),
    );
    expect(r.code).toBe(0);
    expect(r.all).not.toContain(EXAMPLE_TOKEN);
    expect(printedConfig(r.out).trading.config.apiToken).toBe("[REDACTED]");
  });

  test("an invalid config with secrets in it lists its problems without the secret values", async () => {
    const path = writeConfig(
      tmp.dir,
      "bad-secrets.json",
      secretConfig({
        trading: { provider: "fake-live", config: { accountId: "", apiKey: LIVE_KEY, apikey: LIVE_KEY } },
        market_data: { provider: "simulated", config: { seed: LIVE_KEY } },
        status: { host: "127.0.0.1", port: 0, token: STATUS_TOKEN.slice(0, 10) },
        engine: { symbols: [STATUS_TOKEN] , interval: EXAMPLE_TOKEN },
      }),
    );
    const r = await validate(path);
    expect(r.code).toBe(3);
    const paths = problems(r.err).map(([p]) => p);
    expect(paths).toEqual(expect.arrayContaining(["trading.config.accountId", "trading.config.apikey", "status.token", "engine.interval"]));
    for (const value of [LIVE_KEY, STATUS_TOKEN, STATUS_TOKEN.slice(0, 10)]) expect(r.all).not.toContain(value);
  });

  // An override no longer makes a number of a text field (see the next test), so the wrong type is written in the file.
  test("a secret of the wrong type (a number in the file) is not echoed", async () => {
    const path = writeConfig(tmp.dir, "typed-secret.json", secretConfig({ trading: { provider: "fake-live", config: { accountId: "ACC-1", apiKey: 918273645546372 } } }));
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(problems(r.err).map(([p]) => p)).toEqual(["trading.config.apiKey"]);
    expect(r.all).not.toContain("918273645546372");
  });

  test("a secret of digits only, from an override or a ${VAR}, stays text: accepted and redacted", async () => {
    const digits = "918273645546372819";
    const byOverride = await validate(writeConfig(tmp.dir, "digits-override.json", secretConfig()), { ARGO__TRADING__CONFIG__API_KEY: digits });
    const byVariable = await validate(writeConfig(tmp.dir, "digits-var.yaml", JSON.stringify(secretConfig({ status: { port: 0, token: "${ARGO_TEST_TOKEN}" } }))), {
      ARGO_TEST_TOKEN: "4815162342108888",
    });
    for (const r of [byOverride, byVariable]) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.all).not.toContain(digits);
      expect(r.all).not.toContain("4815162342108888");
    }
    expect(printedConfig(byOverride.out).trading.config.apiKey).toBe("[REDACTED]");
    expect(printedConfig(byVariable.out).status.token).toBe("[REDACTED]");
  });
});

describe("environment: ${VAR}, ${VAR:-default} and ARGO__SECTION__KEY", () => {
  const envConfig = `engine:
  symbols: ["\${ARGO_TEST_SYMBOL}", "ETHUSD"]
  interval: \${ARGO_TEST_INTERVAL:-15m}
  data_dir: \${ARGO_TEST_DIR:-./.argo}/sessions
plugins: ["${FAKE_LIVE_PLUGIN}"]
trading:
  provider: fake-live
  config:
    accountId: acct-\${ARGO_TEST_ACCOUNT}
    apiKey: \${ARGO_TEST_KEY}
    initialCapital: 1000
strategy:
  path: ${SMA_CROSS}
`;

  test("variables are substituted and defaults apply when unset or empty", async () => {
    const path = writeConfig(tmp.dir, "env.yaml", envConfig);
    const r = await validate(path, { ARGO_TEST_SYMBOL: "SOLUSD", ARGO_TEST_ACCOUNT: "42", ARGO_TEST_KEY: LIVE_KEY, ARGO_TEST_DIR: "" });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const printed = printedConfig(r.out);
    expect(printed.engine).toEqual({ symbols: ["SOLUSD", "ETHUSD"], interval: "15m", data_dir: "./.argo/sessions" });
    expect(printed.trading.config.accountId).toBe("acct-42");
    expect(printed.trading.config.apiKey).toBe("[REDACTED]");
    expect(r.all).not.toContain(LIVE_KEY);
  });

  test("a set variable wins over the default", async () => {
    const path = writeConfig(tmp.dir, "env.yaml", envConfig);
    const r = await validate(path, { ARGO_TEST_SYMBOL: "SOLUSD", ARGO_TEST_ACCOUNT: "42", ARGO_TEST_KEY: LIVE_KEY, ARGO_TEST_INTERVAL: "4h" });
    expect(printedConfig(r.out).engine.interval).toBe("4h");
  });

  test("an unset variable without default names the variable and the field, never another variable's value", async () => {
    const path = writeConfig(tmp.dir, "env.yaml", envConfig);
    const r = await validate(path, { ARGO_TEST_SYMBOL: "SOLUSD", ARGO_TEST_ACCOUNT: "42", OTHER_SECRET: LIVE_KEY });
    expect(r.code).toBe(3);
    expect(r.err).toContain("trading.config.apiKey");
    expect(r.err).toContain("${ARGO_TEST_KEY}");
    expect(r.all).not.toContain(LIVE_KEY);
  });

  test("ARGO__ overrides set keys with typed values, matching the file's spelling, and are validated like the file", async () => {
    const path = writeConfig(tmp.dir, "env.yaml", envConfig);
    const env = { ARGO_TEST_SYMBOL: "SOLUSD", ARGO_TEST_ACCOUNT: "42", ARGO_TEST_KEY: LIVE_KEY };
    const r = await validate(path, { ...env, ARGO__ENGINE__INTERVAL: "5m", ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "2500.5", ARGO__STATUS__PORT: "9100" });
    expect(r.code).toBe(0);
    const printed = printedConfig(r.out);
    expect(printed.engine.interval).toBe("5m");
    expect(printed.trading.config.initialCapital).toBe(2500.5);
    expect(printed.status).toEqual({ port: 9100 });

    const bad = await validate(path, { ...env, ARGO__LOG__LEVEL: "loud", ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "-1" });
    expect(bad.code).toBe(3);
    expect(problems(bad.err).map(([p]) => p).sort()).toEqual(["log.level", "trading.config.initialCapital"]);
  });

  test("ARGO__ sets keys the file does not spell, by the names the schemas declare, and lists (the README's example)", async () => {
    const path = writeConfig(tmp.dir, "bare.yaml", `engine: { symbols: [BTCUSD] }\nstrategy: { path: ${SMA_CROSS} }\n`);
    const r = await validate(path, { ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "5000", ARGO__RISK__MAX_ORDER_VALUE: "1000", ARGO__ENGINE__SYMBOLS: "[SOLUSD, ETHUSD]" });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const printed = printedConfig(r.out);
    expect(printed.trading.config).toEqual({ initialCapital: 5000 });
    expect(printed.risk).toEqual({ maxOrderValue: 1000 });
    expect(printed.engine.symbols).toEqual(["SOLUSD", "ETHUSD"]);
  });

  test("a provider named by ARGO__ (from a plugin) has its config keys found in its own schema", async () => {
    const path = writeConfig(tmp.dir, "bare-plugin.yaml", `engine: { symbols: [BTCUSD] }\nplugins: ["${FAKE_LIVE_PLUGIN}"]\nstrategy: { path: ${SMA_CROSS} }\n`);
    const r = await validate(path, {
      ARGO__TRADING__PROVIDER: "fake-live",
      ARGO__TRADING__CONFIG__ACCOUNT_ID: "ACC-9",
      ARGO__TRADING__CONFIG__API_KEY: LIVE_KEY,
      ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "7000",
    });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(printedConfig(r.out).trading).toEqual({ provider: "fake-live", config: { accountId: "ACC-9", apiKey: "[REDACTED]", initialCapital: 7000 } });
  });

  test("an override can supply a secret; it is redacted like one from the file", async () => {
    const path = writeConfig(tmp.dir, "env.yaml", envConfig);
    const r = await validate(path, { ARGO_TEST_SYMBOL: "SOLUSD", ARGO_TEST_ACCOUNT: "42", ARGO_TEST_KEY: "placeholder", ARGO__STATUS__TOKEN: STATUS_TOKEN });
    expect(r.code).toBe(0);
    expect(printedConfig(r.out).status.token).toBe("[REDACTED]");
    expect(r.all).not.toContain(STATUS_TOKEN);
  });
});

describe("argo validate: intervals and backtest days", () => {
  const config = (engine: string, backtest: string) =>
    writeConfig(tmp.dir, `days-${Math.random().toString(36).slice(2)}.yaml`, `engine: ${engine}\nstrategy: { path: ${SMA_CROSS} }\nbacktest: ${backtest}\n`);

  test("a zero interval is refused naming engine.interval (it used to pass here)", async () => {
    const r = await validate(config("{ symbols: [BTCUSD], interval: 0m }", "{}"));
    expect(r.code).toBe(3);
    expect(problems(r.err).map(([p]) => p)).toEqual(["engine.interval"]);
  });

  test("an impossible day and a range that ends before it starts are refused, naming the field", async () => {
    const impossible = await validate(config("{ symbols: [BTCUSD] }", "{ from: 2021-02-30 }"));
    expect(impossible.code).toBe(3);
    expect(problems(impossible.err).map(([p]) => p)).toEqual(["backtest.from"]);
    expect(impossible.err).toContain("backtest.from: must be a real day: 2021-02 has no day 30");
    const backwards = await validate(config("{ symbols: [BTCUSD] }", "{ from: 2021-03-02, to: 2021-03-01 }"));
    expect(backwards.code).toBe(3);
    expect(problems(backwards.err).map(([p]) => p)).toEqual(["backtest.to"]);
    expect(backwards.err).toContain("2021-03-02");
  });
});


import { getProviderInfo } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { createStatusApi } from "@argo/status-api";
import { MemoryStatusSession } from "@argo/status-api/testing";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("validateConfig: the providers of a valid session", () => {
  test("each provider's info is what the registry's getProviderInfo gives for it", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), plugins: [FAKE_LIVE_PLUGIN], trading: { provider: "fake-live", config: { accountId: "A-1", apiKey: "k-1234567890" } } };
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.trading.info).toEqual(getProviderInfo("fake-live"));
    expect(outcome.session.marketData.info).toEqual(getProviderInfo("simulated"));
    // The live flag decides whether `argo run` asks for confirmation: it must come through.
    expect(outcome.session.trading.info.isPaperTrading).toBe(false);
    expect(outcome.session.marketData.info.kind).toBe("market-data");
  });

  test("a paper venue is flagged as paper", async () => {
    const outcome = await validateConfig({ raw: quickSessionConfig(tmp.dir), baseDir: tmp.dir, cwd: tmp.dir });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.trading.info).toEqual(getProviderInfo("paper"));
    expect(outcome.session.trading.info.isPaperTrading).toBe(true);
  });
});

/** The issues of a config that must be refused (the test fails if it passes). */
async function issuesOf(raw: Record<string, unknown>, options = {}) {
  const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir }, options);
  if (outcome.ok) throw new Error("the config was accepted");
  return outcome.issues;
}

describe("validateConfig: per-symbol risk limits", () => {
  test("a limit keyed by a symbol the session does not stream is named at its key, listing the session's symbols", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), risk: { symbols: { BTCUSDT: { maxPositionQuantity: 0.5 }, ETHUSD: { maxPositionQuantity: 2 } } } };
    expect(await issuesOf(raw)).toEqual([
      { path: "risk.symbols.BTCUSDT", message: "not one of engine.symbols (BTCUSD, ETHUSD); a limit for it would never apply" },
    ]);
  });

  test("limits keyed by the session's symbols pass", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), risk: { symbols: { BTCUSD: { maxPositionQuantity: 0.5 }, ETHUSD: { maxPositionNotional: 1000 } } } };
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.risk.symbols).toEqual({ BTCUSD: { maxPositionQuantity: 0.5 }, ETHUSD: { maxPositionNotional: 1000 } });
  });

  test("with no valid engine.symbols only the list is reported, not every key against it", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), engine: { symbols: [] }, risk: { symbols: { BTCUSD: { maxPositionQuantity: 0.5 } } } };
    expect((await issuesOf(raw)).map((i) => i.path)).toEqual(["engine.symbols"]);
  });
});

describe("validateConfig: the paper venue's settings against the session's symbols", () => {
  const paper = (config: Record<string, unknown>) => ({ ...quickSessionConfig(tmp.dir), trading: { provider: "paper", config } });

  test("rules keyed by a symbol the session does not trade, and a symbols list without a session symbol, are named at their keys", async () => {
    expect(await issuesOf(paper({ symbolRules: { "BTC-USD": { minNotional: 1e9 } } }))).toEqual([
      { path: "trading.config.symbolRules.BTC-USD", message: "not one of the session's symbols (BTCUSD, ETHUSD); a rule for it would never apply" },
    ]);
    const issues = await issuesOf(paper({ symbols: ["ETHUSD"] }));
    expect(issues.map((issue) => issue.path)).toEqual(["trading.config.symbols"]);
    expect(issues[0]!.message).toContain("does not list BTCUSD");
  });

  test("an ARGO__ variable sets rules for the symbol as spelt (BTCUSD, not btcusd), so they apply and pass", async () => {
    const path = writeConfig(tmp.dir, "paper-rules.json", quickSessionConfig(tmp.dir));
    const raw = await buildRawConfig(path, {}, { ARGO__TRADING__CONFIG__SYMBOL_RULES__BTCUSD__MIN_NOTIONAL: "1000000000" }, tmp.dir);
    const outcome = await validateConfig(raw);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect((outcome.session.trading.config as { symbolRules: unknown }).symbolRules).toEqual({ BTCUSD: { minNotional: 1e9 } });
  });
});

describe("validateConfig: the status API's bind address", () => {
  const TOKEN = "status-token-Qw19-do-not-print";

  test("a non-loopback host without a token is refused at status.host, naming the address and what to do", async () => {
    const issues = await issuesOf({ ...quickSessionConfig(tmp.dir), status: { host: "0.0.0.0", port: 0 } });
    expect(issues.map((i) => i.path)).toEqual(["status.host"]);
    expect(issues[0]!.message).toContain('"0.0.0.0"');
    expect(issues[0]!.message).toContain("set a token or bind 127.0.0.1");
  });

  test("with a token, on loopback, or with the API disabled it passes; the token is never in what is shown", async () => {
    for (const status of [{ host: "0.0.0.0", port: 0, token: TOKEN }, { host: "::1", port: 0 }, { enabled: false, host: "0.0.0.0" }]) {
      const outcome = await validateConfig({ raw: { ...quickSessionConfig(tmp.dir), status }, baseDir: tmp.dir, cwd: tmp.dir });
      if (!outcome.ok) throw new Error(`${JSON.stringify(status)}: ${JSON.stringify(outcome.issues)}`);
      expect(JSON.stringify(outcome.session.redacted)).not.toContain(TOKEN);
    }
  });

  test("a token with whitespace or under 16 characters is refused at status.token, without printing it", async () => {
    for (const [token, words] of [
      ["correct horse battery staple", "no whitespace"],
      ["Qw19-do-not-prnt\n", "no whitespace"],
      ["Qw19-dont-print", "at least 16 characters"],
    ] as const) {
      const issues = await issuesOf({ ...quickSessionConfig(tmp.dir), status: { host: "127.0.0.1", port: 0, token } });
      expect([token, issues.map((i) => i.path)]).toEqual([token, ["status.token"]]);
      expect(issues[0]!.message).toContain(words);
      expect(JSON.stringify(issues)).not.toContain(token.trim());
    }
  });

  test("argo validate takes a token exactly when the status API (what argo run starts) takes it", async () => {
    for (const token of ["correct horse battery staple", "Qw19-dont-print", "Qw19-do-not-prnt", "Qw19\tdo-not-print", "status-token-Qw19-do-not-print"]) {
      const outcome = await validateConfig({ raw: { ...quickSessionConfig(tmp.dir), status: { host: "127.0.0.1", port: 0, token } }, baseDir: tmp.dir, cwd: tmp.dir });
      let apiTakes = true;
      try {
        createStatusApi(new MemoryStatusSession(), { token });
      } catch {
        apiTakes = false;
      }
      expect([token, outcome.ok]).toEqual([token, apiTakes]);
    }
  });

  test("an IPv4-mapped host (::ffff:127.0.0.1) is refused at status.host, saying to bind 127.0.0.1 or ::1", async () => {
    for (const host of ["::ffff:127.0.0.1", "[::FFFF:7f00:1]"]) {
      const issues = await issuesOf({ ...quickSessionConfig(tmp.dir), status: { host, port: 0 } });
      expect([host, issues.map((i) => i.path)]).toEqual([host, ["status.host"]]);
      expect(issues[0]!.message).toContain("IPv4-mapped");
      expect(issues[0]!.message).toContain("127.0.0.1 or ::1");
    }
  });

  test("a host the bind could not resolve as written ([127.0.0.1], a port inside it) is refused at status.host before the run", async () => {
    for (const [host, says] of [["[127.0.0.1]", "write 127.0.0.1 without them"], ["127.0.0.1:8787", "the port is status.port"]] as const) {
      const issues = await issuesOf({ ...quickSessionConfig(tmp.dir), status: { host, port: 0, token: TOKEN } });
      expect([host, issues.map((i) => i.path)]).toEqual([host, ["status.host"]]);
      expect(issues[0]!.message).toContain(says);
    }
  });

  test("a session that serves no status API (a backtest) is not refused for it", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), status: { host: "0.0.0.0", port: 0 } };
    const outcome = await validateConfig({ raw, baseDir: tmp.dir, cwd: tmp.dir }, { serveStatus: false });
    expect(outcome.ok).toBe(true);
  });
});

describe("validateConfig: a section written as a list", () => {
  test("is named whole, not as unknown keys `.0`, `.1`; an empty one does not pass as an empty section", async () => {
    const raw = { ...quickSessionConfig(tmp.dir), status: ["127.0.0.1", 8787], log: [] };
    expect(await issuesOf(raw)).toEqual([
      { path: "status", message: "expected a mapping (key: value entries), received a list" },
      { path: "log", message: "expected a mapping (key: value entries), received a list" },
    ]);
  });

  test("plugins, which is a list, is not one of them", async () => {
    const outcome = await validateConfig({ raw: { ...quickSessionConfig(tmp.dir), plugins: [] }, baseDir: tmp.dir, cwd: tmp.dir });
    expect(outcome.ok).toBe(true);
  });
});

describe("validateConfig: a risk section that is not a mapping", () => {
  test("text, a number or null is one problem at risk, not one per schema that reads it", async () => {
    for (const risk of ["high", 5, null]) {
      const issues = await issuesOf({ ...quickSessionConfig(tmp.dir), risk });
      expect(issues.map((issue) => issue.path)).toEqual(["risk"]);
    }
  });
});

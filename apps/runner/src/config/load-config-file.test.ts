import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SECRET = "sk_live_SUPERSECRET_0123456789";

async function validate(path: string) {
  const c = captureIo({ cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  return { code, err: c.stderr(), all: c.all() };
}

describe("argo validate: a config file read twice over", () => {
  test("a YAML section written twice (a risk block appended later) is refused, naming the file, the key and both lines", async () => {
    const path = writeConfig(
      tmp.dir,
      "twice.yaml",
      `engine:\n  symbols: [BTCUSD]\nrisk:\n  maxOrderValue: 1000\n  maxDrawdown: 0.2\nstrategy:\n  path: ${SMA_CROSS}\nrisk:\n  maxDailyLoss: 0.05\n`,
    );
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${path}: key "risk" is written twice (line 3 and line 8)`);
  });

  test("a JSON key written twice is refused the same way (JSON.parse would keep the last)", async () => {
    const path = writeConfig(tmp.dir, "twice.json", `{\n  "engine": { "symbols": ["BTCUSD"] },\n  "strategy": { "path": ${JSON.stringify(SMA_CROSS)} },\n  "engine": { "symbols": ["ETHUSD"] }\n}\n`);
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${path}: key "engine" is written twice (line 2 and line 4)`);
  });
});

describe("argo validate: a syntax error", () => {
  test("in JSON: a key pasted without quotes is placed by line and column, never printed", async () => {
    const path = writeConfig(tmp.dir, "unquoted.json", `{"engine":{"symbols":["BTCUSD"]},\n"status":{"token": ${SECRET}}}`);
    const r = await validate(path);
    expect(r.code).toBe(3);
    // `"status":{"token": ` is 19 characters: the value starts at column 20 of line 2.
    expect(r.err).toContain(`${path}: not valid JSON at line 2, column 20`);
    expect(r.all).not.toContain(SECRET);
  });

  test("in YAML: the same, never printed", async () => {
    const path = writeConfig(tmp.dir, "broken.yaml", `engine:\n  symbols: [BTCUSD]\nstatus:\n  token: "${SECRET}\n  port: [\n`);
    const r = await validate(path);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${path}: not valid YAML at line `);
    expect(r.all).not.toContain(SECRET);
  });
});

import { isArgoError, REDACTED } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { FAKE_LIVE_PLUGIN, quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { buildRawConfig } from "./build-raw-config.ts";
import { looksLikeConfigPath, readStructuredFlag } from "./read-structured-flag.ts";
import { validateConfig } from "./validate-config.ts";

const tmp = tempDir("argo-structured-flag-");
afterAll(() => tmp.cleanup());

const SECRET = "sk_live_SUPERSECRET_0123456789";

async function refusal(value: string): Promise<Error> {
  try {
    await readStructuredFlag("trading-config", value, process.cwd());
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error;
    throw error;
  }
  throw new Error("the flag was accepted");
}

describe("an inline --*-config flag", () => {
  test("with a key pasted without quotes: the flag and the position are named, the key never", async () => {
    const error = await refusal(`{"apiKey": ${SECRET}}`);
    // `{"apiKey": ` is 11 characters: the value starts at column 12.
    expect(error.message).toStartWith("--trading-config: not valid JSON at line 1, column 12: ");
    expect(error.message).not.toContain(SECRET);
  });

  test("with a key written twice: refused, not last-wins", async () => {
    expect((await refusal('{"apiKey": "a", "apiKey": "b"}')).message).toContain('--trading-config: key "apiKey" is written twice');
  });

  test("a valid object is read as it is", async () => {
    expect(await readStructuredFlag("trading-config", ' {"initialCapital": 5000, "fees": {"maker": 0.001}} ', process.cwd())).toEqual({
      initialCapital: 5000,
      fees: { maker: 0.001 },
    });
  });
});

describe("a --*-config value that is neither inline JSON nor an existing file", () => {
  const NEITHER = '--trading-config: the value is neither inline JSON (starting with "{") nor an existing JSON/YAML file';

  test("a config typed inline without braces (key=value, YAML, quoted JSON) is refused without printing it", async () => {
    for (const value of [`apiKey=${SECRET}`, `token: ${SECRET}`, `"{\\"apiKey\\":\\"${SECRET}\\"}"`, `'${SECRET}.json'`, `apiKey=${SECRET}.yaml`]) {
      const error = await refusal(value);
      expect(error.message).toStartWith(NEITHER);
      expect(error.message).not.toContain(SECRET);
    }
  });

  test("a missing file whose name reads as a config file is named, so a typo can be seen", async () => {
    expect((await refusal("configs/venue-missing.yaml")).message).toBe(`config file not found: ${process.cwd()}/configs/venue-missing.yaml`);
  });

  test("a file that exists is read whatever its name holds", async () => {
    writeConfig(tmp.dir, "desk=1.yaml", "initialCapital: 7000\n");
    expect(await readStructuredFlag("trading-config", "desk=1.yaml", tmp.dir)).toEqual({ initialCapital: 7000 });
  });

  test("what reads as a config file name: .json/.yaml/.yml, no = : or quotes except a Windows drive", () => {
    for (const path of ["venue.json", "./a b/venue.YML", "C:\\configs\\venue.yaml", "d:/venue.yml", "../x.y/venue.json"]) expect(looksLikeConfigPath(path)).toBe(true);
    for (const value of ["venue.toml", "venue", "a=b.json", "C:\\x:y.yaml", "token: x.yaml", '"venue.json"', "`v.yml`", "dir/"]) expect(looksLikeConfigPath(value)).toBe(false);
  });
});

describe("a --*-config file: ${VAR} is replaced as in the config file", () => {
  test("variables and defaults are substituted; a placeholder alone takes the type its text spells", async () => {
    const file = writeConfig(tmp.dir, "capital.yaml", "initialCapital: ${CAP}\nlabel: desk-${DESK:-main}\n");
    expect(await readStructuredFlag("trading-config", file, tmp.dir, { env: { CAP: "5000" } })).toEqual({ initialCapital: 5000, label: "desk-main" });
  });

  test("an unset variable names the flag, the file, the field where it lands and the variable, never a value", async () => {
    writeConfig(tmp.dir, "unset.yaml", "apiKey: ${SET_KEY}\nsecretWord: ${NOT_SET}\n");
    const error = await readStructuredFlag("trading-config", "unset.yaml", tmp.dir, { env: { SET_KEY: SECRET }, keys: ["trading", "config"] }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!isArgoError(error, "INVALID_CONFIGURATION")) throw new Error(`expected a refusal, got ${String(error)}`);
    expect(error.message).toStartWith(`--trading-config unset.yaml: trading.config.secretWord: environment variable \${NOT_SET} is not set`);
    expect(error.message).not.toContain(SECRET);
  });
});

describe("a provider's secret from a --trading-config file", () => {
  // Digits only: read as a number, it would be refused as an API key; read by the provider's schema, it stays text.
  const DIGIT_KEY = "73310954826615";
  const WORD_KEY = "lk-Hq83-flag-file-do-not-print";
  const config = writeConfig(tmp.dir, "live-session.json", { ...quickSessionConfig(tmp.dir), plugins: [FAKE_LIVE_PLUGIN] });
  const flags = (file: string) => ({ "trading-provider": "fake-live", "trading-config": file });

  test("is the variable's value, as text where the provider's schema takes text, and redacted in what is shown", async () => {
    writeConfig(tmp.dir, "live-venue.yaml", "accountId: ACC-1\napiKey: ${LIVE_KEY}\n");
    const raw = await buildRawConfig(config, flags("live-venue.yaml"), { LIVE_KEY: DIGIT_KEY }, tmp.dir);
    const outcome = await validateConfig(raw);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.session.trading.config).toEqual({ accountId: "ACC-1", apiKey: DIGIT_KEY, initialCapital: 50_000 });
    expect(JSON.stringify(outcome.session.redacted)).not.toContain(DIGIT_KEY);
    expect(outcome.session.secrets).toContain(DIGIT_KEY);
  });

  test("is never printed when the file is refused, even where the value itself is what is wrong", async () => {
    // The key substituted into a number field too: the schema's message about that field would quote it.
    writeConfig(tmp.dir, "live-bad.yaml", "accountId: ACC-1\napiKey: ${LIVE_KEY}\ninitialCapital: ${LIVE_KEY}\n");
    const c = captureIo({ env: { LIVE_KEY: WORD_KEY }, cwd: tmp.dir });
    const code = await main(["run", config, "--trading-provider", "fake-live", "--trading-config", "live-bad.yaml"], c.io);
    expect(code).toBe(3);
    // The value was substituted (not left as "${LIVE_KEY}") and then scrubbed as the secret it is.
    expect(c.stderr()).toContain(`trading.config.initialCapital: invalid number: expected number, received "${REDACTED}"`);
    expect(c.all()).not.toContain(WORD_KEY);
  });
});

import { afterAll, describe, expect, test } from "bun:test";
import { quickSessionConfig, tempDir } from "../__fixtures__/session-config.ts";
import { validateConfig } from "../config/validate-config.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// `argo validate` and `argo run` check the config with validateConfig, whose schema takes the status API's token rule.
async function outcomeFor(token: string) {
  return validateConfig({ raw: { ...quickSessionConfig(tmp.dir), status: { host: "127.0.0.1", port: 0, token } }, baseDir: tmp.dir, cwd: tmp.dir });
}

describe("argo validate: a status token that cannot be sent in an HTTP header", () => {
  test("a non-ASCII token is refused at status.token, saying it must be printable ASCII, without printing it", async () => {
    const token = "sesam-öffne-dich-€-2024";
    const outcome = await outcomeFor(token);
    if (outcome.ok) throw new Error("the non-ASCII token was accepted");
    expect(outcome.issues.map((issue) => issue.path)).toEqual(["status.token"]);
    expect(outcome.issues[0]!.message).toContain("printable ASCII");
    expect(JSON.stringify(outcome.issues)).not.toContain("sesam-öffne");
  });

  test("a plain printable-ASCII token is accepted", async () => {
    const outcome = await outcomeFor("sesam-oeffne-dich-EUR-2024");
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.ok).toBe(true);
  });
});

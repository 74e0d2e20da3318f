import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { tempDir } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir("argo-config-file-kind-");
afterAll(() => tmp.cleanup());

async function validate(path: string) {
  const c = captureIo({ cwd: tmp.dir });
  const code = await main(["validate", path], c.io);
  return { code, err: c.stderr() };
}

describe("a config path that names no regular file says what it names (exit 3), not that it is missing", () => {
  test("a directory", async () => {
    const dir = join(tmp.dir, "configs");
    mkdirSync(dir);
    const r = await validate(dir);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`argo: ${dir} is a directory, not a config file\n`);
  });

  test("a device (/dev/null would otherwise read as an empty config)", async () => {
    const r = await validate("/dev/null");
    expect(r.code).toBe(3);
    expect(r.err).toStartWith("argo: /dev/null is not a regular file");
  });

  test("a path that does not exist is still not found", async () => {
    const missing = join(tmp.dir, "nope.yaml");
    const r = await validate(missing);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`argo: config file not found: ${missing}\n`);
  });
});

import { isArgoError } from "@argo/core";
import { afterAll, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-session-lock-symlink-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("a session directory reached through a symlink is the same directory: a second journal of this process is refused", () => {
  const dir = join(root, "real", "session");
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, "real"), join(root, "link"));
  const first = new Journal(dir);
  let refusal: unknown;
  try {
    // Keyed by the spelt path, this claim read as one an earlier process with this pid left, and was taken over.
    new Journal(join(root, "link", "session")).close("completed");
  } catch (error) {
    refusal = error;
  }
  expect(isArgoError(refusal, "INVALID_CONFIGURATION")).toBe(true);
  expect((refusal as Error).message).toContain(`in use by process ${process.pid}`);
  // The first still holds the directory: it records as ever, and closing gives it up to the other spelling.
  expect(() => first.close("completed")).not.toThrow();
  new Journal(join(root, "link", "session")).close("completed");
});

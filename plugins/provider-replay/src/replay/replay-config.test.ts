import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ArgoError, createProvider, isArgoError } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createReplayProvider, type ReplayConfigInput } from "../index.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "argo-replay-config-"));
  writeFileSync(join(dir, "a.csv"), ",Open,High,Low,Close,Volume\n2024-01-01,1,1,1,1,1\n");
  writeFileSync(join(dir, "a.txt"), ",Open,High,Low,Close,Volume\n2024-01-01,1,1,1,1,1\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function configError(config: unknown): Promise<ArgoError> {
  try {
    await createReplayProvider(config as ReplayConfigInput);
  } catch (error) {
    if (isArgoError(error)) return error;
    throw error;
  }
  throw new Error("expected INVALID_CONFIGURATION");
}

describe("replay config", () => {
  test("a file that does not exist is INVALID_CONFIGURATION naming the path", async () => {
    const error = await configError({ baseDir: dir, files: [{ path: "nope/GONE.csv", symbol: "X", interval: "1d" }] });
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("files.0.path");
    expect(error.message).toContain("nope/GONE.csv");
    expect(error.message).toContain(join(dir, "nope/GONE.csv"));
  });

  test("a file entry without a path names files.0.path", async () => {
    const error = await configError({ files: [{ symbol: "X", interval: "1d" }] });
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("files.0.path: required");
  });

  test("bad interval, negative speed, unknown format and unknown keys each name their field", async () => {
    const error = await configError({
      baseDir: dir,
      speed: -1,
      files: [{ path: "a.csv", symbol: "X", interval: "1 day", format: "xlsx", colums: {} }],
    });
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    for (const field of ["speed", "files.0.interval", "files.0.format", "files.0.colums"]) expect(error.message).toContain(`${field}:`);
  });

  test("format is required when the extension does not say it", async () => {
    const error = await configError({ baseDir: dir, files: [{ path: "a.txt", symbol: "X", interval: "1d" }] });
    expect(error.message).toContain("files.0.format");
    const ok = await createReplayProvider({ baseDir: dir, files: [{ path: "a.txt", symbol: "X", interval: "1d", format: "csv" }] });
    expect(ok.available()).toEqual([{ symbol: "X", interval: "1d" }]);
  });

  test("an empty file list and a repeated symbol and interval are refused", async () => {
    expect((await configError({ files: [] })).message).toContain("files: must list at least one file");
    const twice = await configError({ baseDir: dir, files: [{ path: "a.csv", symbol: "X", interval: "1d" }, { path: "a.txt", format: "csv", symbol: "X", interval: "24h" }] });
    expect(twice.message).toContain("files.1.symbol");
  });

  test("relative paths resolve against the working directory when baseDir is left out", async () => {
    const error = await configError({ files: [{ path: "surely-not-here.csv", symbol: "X", interval: "1d" }] });
    expect(error.message).toContain(join(process.cwd(), "surely-not-here.csv"));
    const provider = await createReplayProvider({ files: [{ path: relative(process.cwd(), join(dir, "a.csv")), symbol: "X", interval: "1d" }] });
    const bars = [];
    for await (const bar of provider.history("X", "1d", 0, Number.POSITIVE_INFINITY)) bars.push(bar);
    expect(bars.map((bar) => bar.openTime)).toEqual([Date.UTC(2024, 0, 1)]);
  });

  test("the registry validates the config and creates the provider", async () => {
    const provider = await createProvider("market-data", "replay", { baseDir: dir, files: [{ path: "a.csv", symbol: "X", interval: "1d" }] });
    expect(provider.name).toBe("replay");
    const error = await createProvider("market-data", "replay", { files: [{ path: "a.csv", symbol: "X" }] }).then(
      () => undefined,
      (e: unknown) => e as ArgoError,
    );
    expect(error?.code).toBe("INVALID_CONFIGURATION");
    expect(error?.message).toContain("files.0.interval");
  });
});

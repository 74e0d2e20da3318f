import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The example strategy, by absolute path so a config in any temp folder can name it. */
export const SMA_CROSS = resolve(import.meta.dir, "../../../../examples/strategies/sma-cross.ts");
/** The demo config shipped in examples/. */
export const DEMO_YAML = resolve(import.meta.dir, "../../../../examples/demo.yaml");
/** The fake live provider plugin, by absolute path (a `plugins:` entry). */
export const FAKE_LIVE_PLUGIN = resolve(import.meta.dir, "fake-live-provider.ts");
/** The leaky live provider plugin (errors that echo its secrets), by absolute path. */
export const LEAKY_LIVE_PLUGIN = resolve(import.meta.dir, "leaky-live-provider.ts");
/** The third-party example plugin (trading provider "example" with a secret apiToken). */
export const EXAMPLE_PLUGIN = resolve(import.meta.dir, "../../../../examples/argo-provider-example/src/index.ts");
/** The runner's entry point, for spawned-process tests. */
export const CLI = resolve(import.meta.dir, "../cli.ts");

type Config = Record<string, unknown>;

/**
 * A quick paper session: simulated bars every few milliseconds, the SMA example (fast enough to trade within a
 * second), status API on a free port, journal in `dataDir`. `overrides` replace whole sections.
 */
export function quickSessionConfig(dataDir: string, overrides: Config = {}): Config {
  return {
    engine: { symbols: ["BTCUSD", "ETHUSD"], interval: "1m", data_dir: dataDir },
    market_data: { provider: "simulated", config: { pattern: "random_walk", volatility: 0.004, seed: 7, bars: 100_000, barDelayMs: 5 } },
    trading: { provider: "paper", config: { initialCapital: 100_000, allowShorting: true } },
    strategy: { path: SMA_CROSS, config: { fast: 5, slow: 20, sizing: { equityFraction: 0.25 } } },
    status: { enabled: true, host: "127.0.0.1", port: 0 },
    log: { level: "info", format: "json" },
    ...overrides,
  };
}

/** A temporary folder, removed by `cleanup()`. */
export function tempDir(prefix = "argo-runner-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a config as JSON (a .json name) or as text (YAML written by the test); returns its path. */
export function writeConfig(dir: string, name: string, config: Config | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return path;
}

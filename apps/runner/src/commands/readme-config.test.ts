// The root README's full config example, as a user copies it: it must validate, and it must trade (an earlier version set
// maxOrderValue 25,000 beside the strategy's default all-in sizing of a 100,000 account, so every entry was refused).
import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { captureIo, logLines } from "../__fixtures__/capture-io.ts";
import { SMA_CROSS, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { startRun } from "../__fixtures__/start-run.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The README's `engine:` YAML block, with its placeholder plugin left out and its paths pointed at this checkout. */
function readmeConfig(): string {
  const readme = readFileSync(resolve(import.meta.dir, "../../../../README.md"), "utf8");
  const block = readme.match(/```yaml\n(engine:\n {2}symbols: \[BTCUSDT, ETHUSDT\][^]*?)```/)?.[1];
  if (block === undefined) throw new Error("the README's full config example was not found");
  return block
    .replace(/^plugins:\n(?: {2}- .*\n)+/m, "")
    .replace("./strategies/sma-cross.ts", SMA_CROSS)
    .replace("./.argo", join(tmp.dir, "data"));
}

describe("the README's full config example", () => {
  const path = writeConfig(tmp.dir, "readme.yaml", readmeConfig());

  test("validates", async () => {
    const c = captureIo();
    expect(await main(["validate", path], c.io)).toBe(0);
    expect(c.stderr()).toBe("");
  });

  test("trades: over 400 fast simulated bars it fills orders and no entry is refused", async () => {
    // A finite, fast stream and a free port: the rest is the README's own config.
    const env = { ARGO__MARKET_DATA__CONFIG__BARS: "400", ARGO__MARKET_DATA__CONFIG__BAR_DELAY_MS: "0", ARGO__STATUS__PORT: "0" };
    const run = startRun([path], { env });
    expect(await run.exit).toBe(0);
    const lines = logLines(run.c.stderr());
    expect(lines.filter((l) => l.msg === "fill").length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.msg?.startsWith("order refused")).map((l) => l.msg)).toEqual([]);
  }, 30_000);
});

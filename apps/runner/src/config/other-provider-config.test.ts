import { describe, expect, test } from "bun:test";
import { dropOtherProviderConfigs } from "./other-provider-config.ts";

describe("dropOtherProviderConfigs", () => {
  const file = { trading: { config: { initialCapital: 1000 } }, market_data: { provider: "replay", config: { files: [] } }, engine: { interval: "1m" } };

  test("drops the config of each section whose provider (the default where none is named) the session does not use", () => {
    expect(dropOtherProviderConfigs(file, { trading: "fake-live", marketData: "simulated" })).toEqual({ trading: {}, market_data: { provider: "replay" }, engine: { interval: "1m" } });
    // The input is not changed.
    expect(file.market_data.config).toEqual({ files: [] });
  });

  test("keeps it where the session uses the file's provider, its default included", () => {
    expect(dropOtherProviderConfigs(file, { trading: "paper", marketData: "replay" })).toEqual(file);
  });

  test("leaves a section that is no mapping as written, for validation to name", () => {
    const wrong = { trading: "example", market_data: ["replay"] };
    expect(dropOtherProviderConfigs(wrong, { trading: "fake-live", marketData: "replay" })).toEqual(wrong);
  });
});

import { describe, expect, test } from "bun:test";
import { intervalKey } from "./interval-key.ts";

describe("intervalKey", () => {
  test("intervals of one bar size share it, whatever their spelling", () => {
    expect(intervalKey("1d")).toBe(intervalKey("24h"));
    expect(intervalKey("1h")).toBe(intervalKey("60m"));
    expect(intervalKey("1w")).toBe(intervalKey("7d"));
  });

  test("different sizes differ, and calendar months match only the same number of months", () => {
    expect(intervalKey("1h")).not.toBe(intervalKey("1d"));
    expect(intervalKey("1M")).not.toBe(intervalKey("30d"));
    expect(intervalKey("3M")).not.toBe(intervalKey("1M"));
    expect(intervalKey("1M")).toBe(intervalKey("1M"));
  });
});

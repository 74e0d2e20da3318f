import { describe, expect, test } from "bun:test";
import { splitCsvLine } from "./split-csv-line.ts";

describe("splitCsvLine", () => {
  test("plain and quoted cells", () => {
    expect(splitCsvLine(",Open,High")).toEqual(["", "Open", "High"]);
    expect(splitCsvLine('2024-01-01,"1,5","say ""hi""",')).toEqual(["2024-01-01", "1,5", 'say "hi"', ""]);
  });
});

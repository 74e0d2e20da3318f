import { describe, expect, test } from "bun:test";
import { splitCsvLine } from "./split-csv-line.ts";

describe("splitCsvLine", () => {
  test("plain and quoted cells", () => {
    expect(splitCsvLine(",Open,High")).toEqual(["", "Open", "High"]);
    expect(splitCsvLine('2024-01-01,"1,5","say ""hi""",')).toEqual(["2024-01-01", "1,5", 'say "hi"', ""]);
  });
});

describe("splitCsvLine: quotes that do not pair up", () => {
  test("a quote left open at the end of the line is a problem naming the cell that opens it", () => {
    // Cells 1 and 2 close; the third ("12) never does.
    expect(splitCsvLine('"a","b","12')).toEqual({ problem: "unterminated quote: the row is cut or a quote is stray (cell 3 opens one that no quote closes)" });
  });

  test("text after a closing quote is a problem; blanks after it are not", () => {
    expect(splitCsvLine('"x","1"00,"2"')).toEqual({ problem: 'text after a closing quote in cell 2: a quote is stray; inside a quoted cell write a quote as ""' });
    expect(splitCsvLine('"1" ,"2"')).toEqual(["1 ", "2"]);
  });

  test("a quote inside an unquoted cell is a character of it; blanks before an opening quote are kept", () => {
    expect(splitCsvLine('12",3')).toEqual(['12"', "3"]);
    expect(splitCsvLine(' "1,5",2')).toEqual([" 1,5", "2"]);
  });
});

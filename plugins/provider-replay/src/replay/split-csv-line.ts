/** Why a line does not split into cells: a quote left open (the row is cut), or text after a closing quote. */
export interface CsvQuoteProblem {
  problem: string;
}

/**
 * The cells of one CSV line; quoted cells ("1,234", "say ""hi""") are handled, the fast path is a plain split. A quote
 * left open at the end of the line (a file cut mid-row: `…,"105","12`) or text after a closing quote (`"1"00`) is a
 * problem, not a guess: read as cells they would give a wrong number, not a refused row. A quote inside an unquoted
 * cell (`12"`) is a character of it, as most CSV readers take it; blanks around a quoted cell are kept, as before.
 */
export function splitCsvLine(line: string): string[] | CsvQuoteProblem {
  if (!line.includes('"')) return line.split(",");
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  /** A quoted part of this cell has closed: only blanks may follow it before the comma. */
  let closed = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else cell += ch;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      closed = false;
    } else if (closed && ch !== " " && ch !== "\t") {
      return { problem: `text after a closing quote in cell ${cells.length + 1}: a quote is stray; inside a quoted cell write a quote as ""` };
    } else if (ch === '"' && cell.trim() === "") quoted = true;
    else cell += ch;
  }
  if (quoted) {
    return { problem: `unterminated quote: the row is cut or a quote is stray (cell ${cells.length + 1} opens one that no quote closes)` };
  }
  cells.push(cell);
  return cells;
}

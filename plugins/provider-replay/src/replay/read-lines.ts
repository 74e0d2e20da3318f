/**
 * The lines of a file, streamed chunk by chunk so a large file is never held whole; yields them in
 * batches (one per chunk read) because a per-line await would cost more than parsing the line.
 * Lines end at "\n" (a trailing "\r" is left on) or, in a file whose first line break is a lone "\r"
 * (old Mac line endings), at "\r". Stopping early (break, return) cancels the read.
 */
export async function* readLines(path: string): AsyncGenerator<string[]> {
  const reader = Bun.file(path).stream().getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let separator: LineSeparator | undefined;
  let finished = false;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = rest + decoder.decode(value, { stream: true });
      // Decided once, at the first line break: a "\n" file pays one look per file, not one per chunk.
      separator ??= lineSeparator(text);
      if (separator === undefined) {
        rest = text;
        continue;
      }
      const lines = text.split(separator);
      rest = lines.pop()!;
      if (lines.length > 0) yield lines;
    }
    finished = true;
    const tail = rest + decoder.decode();
    // Still undecided at the end: one line, or one ended by a "\r" with nothing after it to tell.
    const lines = separator === undefined ? tail.split(tail.endsWith("\r") ? "\r" : "\n") : [tail];
    if (lines[lines.length - 1] === "") lines.pop();
    if (lines.length > 0) yield lines;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** What ends a file's lines. */
export type LineSeparator = "\n" | "\r";

/**
 * The line ending of text starting a file: "\r" when its first line break is a lone "\r" (old Mac files: split on
 * "\n", the whole file would be one line), else "\n" ("\r\n" lines keep their "\r" for the reader to drop). Undefined
 * while it cannot be told: no line break yet, or a "\r" that ends the text (a "\n" may come with the next chunk).
 */
export function lineSeparator(text: string): LineSeparator | undefined {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf < 0 ? undefined : "\n";
  if (cr + 1 === text.length) return undefined;
  return text.charCodeAt(cr + 1) === 10 ? "\n" : "\r";
}

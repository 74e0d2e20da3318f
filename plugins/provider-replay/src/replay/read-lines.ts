/**
 * The lines of a file, streamed chunk by chunk so a large file is never held whole; yields them in
 * batches (one per chunk read) because a per-line await would cost more than parsing the line.
 * A trailing "\r" is left on; stopping early (break, return) cancels the read.
 */
export async function* readLines(path: string): AsyncGenerator<string[]> {
  const reader = Bun.file(path).stream().getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let finished = false;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      const lines = (rest + decoder.decode(value, { stream: true })).split("\n");
      rest = lines.pop()!;
      if (lines.length > 0) yield lines;
    }
    finished = true;
    const tail = rest + decoder.decode();
    if (tail.length > 0) yield [tail];
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

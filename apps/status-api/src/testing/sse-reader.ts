/** One Server-Sent Event as received: its fields, or a comment line. */
export interface ReceivedSse {
  id?: string;
  event?: string;
  data: string;
  comment?: string;
}

/**
 * Reads Server-Sent Events from a response body, parsing field lines independently of the server
 * code. `next()` resolves with the next event or comment, or undefined when the stream ended.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event or comment block; undefined at the end of the stream. */
  async next(): Promise<ReceivedSse | undefined> {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return parseBlock(block);
      }
      const { done, value } = await this.reader.read();
      if (done) return undefined;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next `count` real events (comments skipped); fewer if the stream ends first. */
  async events(count: number): Promise<ReceivedSse[]> {
    const out: ReceivedSse[] = [];
    while (out.length < count) {
      const item = await this.next();
      if (!item) break;
      if (item.comment === undefined) out.push(item);
    }
    return out;
  }

  /** Disconnects, as a browser closing the page would. */
  async cancel(): Promise<void> {
    await this.reader.cancel();
  }
}

function parseBlock(block: string): ReceivedSse {
  const data: string[] = [];
  const out: ReceivedSse = { data: "" };
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) {
      out.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") data.push(value);
    else if (field === "id") out.id = value;
    else if (field === "event") out.event = value;
  }
  out.data = data.join("\n");
  return out;
}

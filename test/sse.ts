export type SseEvent = { id?: string; event?: string; data?: unknown; comment?: string };

/** Reads a Server-Sent Events body one event (or comment) at a time, as EventSource parses it. */
export class SseReader {
  private buf = "";
  private decoder = new TextDecoder();
  constructor(private reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(timeoutMs = 10_000): Promise<SseEvent | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.buf.indexOf("\n\n");
      if (i >= 0) {
        const block = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        return parseBlock(block);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no event in time");
      const chunk = await Promise.race([this.reader.read(), new Promise<never>((_, no) => setTimeout(() => no(new Error("no event in time")), left))]);
      if (chunk.done) return null;
      this.buf += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Events until `stop` matches one (included) or the stream ends. */
  async until(stop: (e: SseEvent) => boolean): Promise<SseEvent[]> {
    const out: SseEvent[] = [];
    for (let e = await this.next(); e; e = await this.next()) {
      out.push(e);
      if (stop(e)) break;
    }
    return out;
  }
}

function parseBlock(block: string): SseEvent {
  const e: SseEvent = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) e.comment = line.slice(1).trim();
    else {
      const [field, ...rest] = line.split(": ");
      const value = rest.join(": ");
      if (field === "id") e.id = value;
      if (field === "event") e.event = value;
      if (field === "data") e.data = JSON.parse(value);
    }
  }
  return e;
}

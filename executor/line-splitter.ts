/** Lines longer than this are stored as several lines, so one 5 MB line cannot stall the pump. */
export const MAX_LINE_BYTES = 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * Splits a byte stream into lines without decoding across chunk boundaries (a multi-byte
 * character split between two chunks stays whole). Invalid UTF-8 becomes U+FFFD; NUL,
 * which PostgreSQL text cannot hold, becomes U+FFFD too; a trailing CR is dropped.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): string[] {
    const out: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      let piece = chunk.subarray(start, end);
      while (this.size + piece.length > MAX_LINE_BYTES) {
        const take = MAX_LINE_BYTES - this.size;
        this.parts.push(piece.subarray(0, take));
        this.size += take;
        out.push(this.take());
        piece = piece.subarray(take);
      }
      if (piece.length) {
        this.parts.push(piece);
        this.size += piece.length;
      }
      if (nl === -1) break;
      out.push(this.take());
      start = nl + 1;
    }
    return out;
  }

  /** What is left after the stream ended (a last line with no newline). */
  end(): string[] {
    return this.size > 0 ? [this.take()] : [];
  }

  private take(): string {
    const buf = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    let text = decoder.decode(buf);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return text.includes("\0") ? text.replaceAll("\0", "\uFFFD") : text;
  }
}

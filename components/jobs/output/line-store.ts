/** Lines per window asked of `/lines/`, and the unit the store keeps or drops. */
export const CHUNK = 500;
/** Windows kept in memory (100,000 lines); the least recently shown go first. */
export const MAX_CHUNKS = 200;

type Chunk = { lines: (string | undefined)[]; fetched: boolean };

export const chunkOf = (line: number) => Math.floor((line - 1) / CHUNK);
export const chunkStart = (chunk: number) => chunk * CHUNK + 1;

/**
 * A job's output lines by number (1, 2, 3... without gaps), filled by windows fetched as
 * they scroll into view and by lines streamed live. React reads it through
 * `subscribe`/`getVersion`; changes are announced at most every `notifyMs`.
 */
export class LineStore {
  total = 0;
  private chunks = new Map<number, Chunk>();
  private version = 0;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly notifyMs = 30) {}

  get(line: number): string | undefined {
    return this.chunks.get(chunkOf(line))?.lines[(line - 1) % CHUNK];
  }

  /** Stores lines; `fetched` marks the window they came in as read from the server. */
  put(lines: readonly (readonly [number, string])[], fetched?: number): void {
    if (fetched !== undefined) this.chunk(fetched).fetched = true;
    for (const [n, text] of lines) {
      if (n < 1) continue;
      this.chunk(chunkOf(n)).lines[(n - 1) % CHUNK] = text;
      if (n > this.total) this.total = n;
    }
    this.changed();
  }

  setTotal(total: number): void {
    if (total <= this.total) return;
    this.total = total;
    this.changed();
  }

  /**
   * The windows that lines first..last need and nobody fetched yet; marks the shown ones
   * as recently used and drops the oldest beyond MAX_CHUNKS.
   */
  missing(first: number, last: number): number[] {
    if (this.total === 0 || last < first) return [];
    const from = chunkOf(Math.max(1, first));
    const to = chunkOf(Math.min(this.total, last));
    const out: number[] = [];
    for (let c = from; c <= to; c++) {
      const chunk = this.chunks.get(c);
      if (chunk) {
        this.chunks.delete(c);
        this.chunks.set(c, chunk);
      }
      if (!chunk?.fetched) out.push(c);
    }
    this.evict(to - from + 1);
    return out;
  }

  /**
   * After the job ended: a window fetched while it ran that still has holes (lines the
   * stream did not bring, e.g. it was down) is fetched again when shown.
   */
  refetchIncomplete(): void {
    for (const [c, chunk] of this.chunks) {
      if (!chunk.fetched) continue;
      const end = Math.min(this.total, chunkStart(c) + CHUNK - 1);
      for (let n = chunkStart(c); n <= end; n++) {
        if (chunk.lines[(n - 1) % CHUNK] === undefined) {
          chunk.fetched = false;
          break;
        }
      }
    }
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = () => this.version;

  private chunk(c: number): Chunk {
    let chunk = this.chunks.get(c);
    if (!chunk) {
      chunk = { lines: new Array(CHUNK), fetched: false };
      this.chunks.set(c, chunk);
    }
    return chunk;
  }

  private evict(keep: number): void {
    for (const c of this.chunks.keys()) {
      if (this.chunks.size <= Math.max(MAX_CHUNKS, keep)) break;
      this.chunks.delete(c);
    }
  }

  private changed(): void {
    if (this.timer !== null) return;
    const flush = () => {
      this.timer = null;
      this.version++;
      for (const l of this.listeners) l();
    };
    if (this.notifyMs <= 0) flush();
    else this.timer = setTimeout(flush, this.notifyMs);
  }
}

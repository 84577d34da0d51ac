import type { LinesPage } from "@/lib/jobs/output-api";
import { CHUNK, chunkStart, type LineStore } from "./line-store";

const PARALLEL_FETCHES = 3;
/** The shown windows are looked at no more often than this while scrolling. */
const SETTLE_MS = 80;
const RETRY_MS = 3000;

type FetchWindow = (start: number, limit: number) => Promise<LinesPage>;

/** Fetches the windows of a store that the viewer shows, a few at a time. */
export class WindowLoader {
  private wanted: [number, number][] = [];
  private inFlight = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly store: LineStore,
    private readonly fetchWindow: FetchWindow,
  ) {}

  /** Lines first..last are on screen. */
  show(first: number, last: number): void {
    this.showRanges([[first, last]]);
  }

  /** These ranges of lines are on screen (the lines between them are folded away). */
  showRanges(ranges: [number, number][]): void {
    this.wanted = ranges;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, SETTLE_MS);
  }

  pump(): void {
    if (this.disposed) return;
    for (const c of this.wanted.flatMap(([first, last]) => this.store.missing(first, last))) {
      if (this.inFlight.size >= PARALLEL_FETCHES) break;
      if (this.inFlight.has(c)) continue;
      this.inFlight.add(c);
      this.fetchWindow(chunkStart(c), CHUNK).then(
        (page) => {
          this.inFlight.delete(c);
          this.store.put(page.lines, c);
          this.store.setTotal(page.total);
          this.pump();
        },
        () => {
          this.inFlight.delete(c);
          clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.pump(), RETRY_MS);
        },
      );
    }
  }

  resume(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }
}

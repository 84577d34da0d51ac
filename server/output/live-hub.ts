import type { Database, Db } from "@/db/client";
import { logError } from "@/lib/log/log-error";
import { lastLineNo, readLinesAfter, type OutputLine } from "./read-lines";
import { isFinalSnapshot, readJobSnapshot, type JobSnapshot } from "./read-job-snapshot";

/** The channel the database triggers notify (migration 0016); the payload is the job's id. */
export const JOB_CHANNEL = "zuoye_job";

/** Where a follower's lines and state go; called in order, each line exactly once. */
export type FollowSink = {
  lines: (lines: OutputLine[]) => void;
  /** the job's state while it may still change: at once, then on each change */
  state: (snapshot: JobSnapshot) => void;
  /** the job ended (its final state) and every line was given, or it is gone (null) */
  end: (snapshot: JobSnapshot | null) => void;
  /** resolves when the follower can take more (backlog reads wait for it) */
  ready: () => Promise<void>;
  /** the hub stops (server shutdown): close without an end, the client resumes elsewhere */
  drop: () => void;
};

export type HubTiming = {
  /** how often each watched job is read even without a notification (a lost one, a reconnected listener) */
  pollMs: number;
  /** lines per read */
  batch: number;
};
const DEFAULT_TIMING: HubTiming = { pollMs: 5_000, batch: 2000 };

type Follower = { sink: FollowSink; cursor: number; sentState: string; isLive: boolean; isGone: boolean };

type Watch = {
  jobId: number;
  followers: Set<Follower>;
  /** the last line the hub has read; every line up to it went out to the live followers */
  delivered: number;
  /** the latest state read; final once every line up to `delivered` is all there is */
  snapshot: JobSnapshot | null;
  isEnded: boolean;
  ready: Promise<void>;
  isReading: boolean;
  readAgain: boolean;
};

/**
 * One per process (it sits on the app context): the live side of every job's output
 * stream. It LISTENs once, and for a job someone follows it reads the new lines and the
 * state once per notification — from the last line it has read — and hands them to all of
 * that job's followers. A follower that joins reads its own backlog up to where the hub
 * is, then goes live. A slow poll per watched job covers a lost notification.
 */
export class LiveHub {
  private readonly watches = new Map<number, Watch>();
  private readonly timing: HubTiming;
  private listening: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private poll: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(
    readonly db: Db,
    private readonly listen: Database["listen"],
    timing: Partial<HubTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Jobs followed right now (tests, benchmarks). */
  get watchedJobs(): number[] {
    return [...this.watches.keys()];
  }

  /**
   * Follows a job from line `after`: its backlog first, then live lines and state changes,
   * until it ends or `gone` is aborted. Resolves once the follower is live (or ended).
   */
  async follow(jobId: number, after: number, sink: FollowSink, gone: AbortSignal): Promise<void> {
    if (this.isStopped) throw new Error("the live hub is stopped");
    await this.startListening();
    if (gone.aborted) return;
    const watch = this.watchOf(jobId);
    const follower: Follower = { sink, cursor: after, sentState: "", isLive: false, isGone: false };
    watch.followers.add(follower);
    const leave = () => this.leave(watch, follower);
    gone.addEventListener("abort", leave, { once: true });
    try {
      await watch.ready;
      if (!watch.isEnded && watch.snapshot) this.sendState(follower, watch.snapshot);
      await this.catchUp(watch, follower);
    } catch (e) {
      leave();
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearInterval(this.poll);
    this.poll = undefined;
    for (const watch of [...this.watches.values()])
      for (const f of [...watch.followers]) {
        this.leave(watch, f);
        f.sink.drop();
      }
    await this.unlisten?.().catch(() => {});
  }

  /** The LISTEN, once per hub; a failed one is tried again by the next follower (the poll covers meanwhile). */
  private startListening(): Promise<void> {
    this.listening ??= this.listen(
      JOB_CHANNEL,
      (payload) => this.onNotify(payload),
      () => this.readAll(),
    )
      .then((unlisten) => {
        if (this.isStopped) void unlisten().catch(() => {});
        else this.unlisten = unlisten;
      })
      .catch((e) => {
        logError("[live] LISTEN failed; following by polling until the next try:", e);
        this.listening = undefined;
      });
    return this.listening;
  }

  private onNotify(payload: string): void {
    const watch = this.watches.get(Number(payload));
    if (watch) this.read(watch);
  }

  private readAll(): void {
    for (const watch of this.watches.values()) this.read(watch);
  }

  private watchOf(jobId: number): Watch {
    const watch = this.watches.get(jobId);
    if (watch) return watch;
    const created: Watch = {
      jobId,
      followers: new Set(),
      delivered: 0,
      snapshot: null,
      isEnded: false,
      ready: Promise.resolve(),
      isReading: true,
      readAgain: false,
    };
    this.watches.set(jobId, created);
    // the state before the last line: a final state seen here means every line is in by then
    created.ready = (async () => {
      created.snapshot = await readJobSnapshot(this.db, jobId);
      created.delivered = await lastLineNo(this.db, jobId);
      if (!created.snapshot || isFinalSnapshot(created.snapshot)) this.end(created);
    })();
    created.ready.catch(() => this.forget(created)).finally(() => this.doneReading(created));
    this.poll ??= setInterval(() => this.readAll(), this.timing.pollMs).unref();
    return created;
  }

  /** A follower's own backlog, up to where the hub is; then it is live (no await between the last check and that). */
  private async catchUp(watch: Watch, follower: Follower): Promise<void> {
    while (follower.cursor < watch.delivered && !follower.isGone) {
      await follower.sink.ready();
      if (follower.isGone) return;
      const lines = await readLinesAfter(this.db, watch.jobId, follower.cursor, this.timing.batch, watch.delivered);
      if (follower.isGone) return;
      const last = lines.at(-1);
      if (!last) break;
      follower.cursor = last.lineNo;
      follower.sink.lines(lines);
    }
    if (follower.isGone) return;
    if (watch.isEnded) return this.close(watch, follower, watch.snapshot);
    if (watch.snapshot) this.sendState(follower, watch.snapshot);
    follower.isLive = true;
  }

  /** One read at a time per job; notifications during it make one more. */
  private read(watch: Watch): void {
    if (watch.isEnded) return;
    if (watch.isReading) {
      watch.readAgain = true;
      return;
    }
    watch.isReading = true;
    void this.readNew(watch)
      .catch((e) => logError("[live] job", watch.jobId, e))
      .finally(() => this.doneReading(watch));
  }

  private doneReading(watch: Watch): void {
    watch.isReading = false;
    if (watch.readAgain && this.watches.get(watch.jobId) === watch) {
      watch.readAgain = false;
      this.read(watch);
    }
  }

  private async readNew(watch: Watch): Promise<void> {
    const snapshot = await readJobSnapshot(this.db, watch.jobId);
    if (!snapshot) {
      watch.snapshot = null;
      return this.end(watch);
    }
    const isFinal = isFinalSnapshot(snapshot);
    if (!isFinal) {
      watch.snapshot = snapshot;
      for (const f of watch.followers) if (f.isLive) this.sendState(f, snapshot);
    }
    for (;;) {
      const lines = await readLinesAfter(this.db, watch.jobId, watch.delivered, this.timing.batch);
      const [firstLine] = lines;
      const lastLine = lines.at(-1);
      if (firstLine && lastLine) {
        watch.delivered = lastLine.lineNo;
        for (const f of watch.followers) {
          if (!f.isLive) continue;
          const fresh = f.cursor < firstLine.lineNo ? lines : lines.filter((l) => l.lineNo > f.cursor);
          const lastFresh = fresh.at(-1);
          if (!lastFresh) continue;
          f.cursor = lastFresh.lineNo;
          f.sink.lines(fresh);
        }
      }
      if (lines.length < this.timing.batch) break;
    }
    if (isFinal) {
      watch.snapshot = snapshot;
      this.end(watch);
    }
  }

  /** The job is final (or gone) and `delivered` is its last line: live followers end now, the others when caught up. */
  private end(watch: Watch): void {
    watch.isEnded = true;
    this.forget(watch);
    for (const f of watch.followers) if (f.isLive) this.close(watch, f, watch.snapshot);
  }

  private sendState(follower: Follower, snapshot: JobSnapshot): void {
    const key = JSON.stringify(snapshot);
    if (key === follower.sentState) return;
    follower.sentState = key;
    follower.sink.state(snapshot);
  }

  private close(watch: Watch, follower: Follower, snapshot: JobSnapshot | null): void {
    this.leave(watch, follower);
    follower.sink.end(snapshot);
  }

  private leave(watch: Watch, follower: Follower): void {
    follower.isGone = true;
    watch.followers.delete(follower);
    if (watch.followers.size === 0) this.forget(watch);
  }

  private forget(watch: Watch): void {
    if (this.watches.get(watch.jobId) === watch) this.watches.delete(watch.jobId);
    if (this.watches.size === 0) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }
}

import { inArray, max } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { logError } from "@/lib/log/log-error";
import { JOB_CHANNEL } from "./live-hub";

/** Channel of migration 0007: a launch (an INSERT in state `new`) committed. */
export const NEW_JOB_CHANNEL = "zuoye_new_job";

/**
 * What the history's clients hear: the newest job id (a new job for them when it grew) and
 * the jobs whose state or times changed since the last event (gone ones too). `resync`: a
 * listening connection was lost meanwhile, so changes may have been missed.
 */
export type HistoryChange = { latest: number; changed: number[]; resync?: boolean };
export type HistorySink = (change: HistoryChange) => void;

export type HistoryTiming = {
  /** changes are gathered this long and sent as one event */
  flushMs: number;
  /** the newest id is read this often even without a notification (imports, a lost one) */
  pollMs: number;
};
const DEFAULT_TIMING: HistoryTiming = { flushMs: 500, pollMs: 5_000 };
/** states remembered to tell a state change from an output line of the same job */
const MAX_REMEMBERED = 20_000;

/**
 * One per process, beside the live hub: the history pages' live channel. It LISTENs once
 * for launches and job changes, reads the changed jobs once per batch (not once per client)
 * and tells every subscriber which ids changed and the newest id; each client refetches
 * its page only when that concerns it. Output lines notify on the same channel as state
 * changes, so a job counts as changed only when its state or times differ from the last read.
 */
export class HistoryHub {
  private readonly sinks = new Set<HistorySink>();
  private readonly timing: HistoryTiming;
  private readonly seen = new Map<number, string>();
  private pending = new Set<number>();
  private isNewJob = false;
  private isResync = false;
  private latest = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private listening: Promise<void> | undefined;
  private unlisten: (() => Promise<void>)[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private isStopped = false;

  constructor(
    readonly db: Db,
    private readonly listen: Database["listen"],
    timing: Partial<HistoryTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Subscribes until `gone` aborts; the first event (the newest id) comes at once. */
  async subscribe(sink: HistorySink, gone: AbortSignal): Promise<void> {
    if (this.isStopped) throw new Error("the history hub is stopped");
    await this.startListening();
    if (gone.aborted) return;
    this.latest = await this.readLatest();
    this.sinks.add(sink);
    gone.addEventListener("abort", () => this.leave(sink), { once: true });
    this.poll ??= setInterval(() => this.schedule(true), this.timing.pollMs).unref();
    sink({ latest: this.latest, changed: [] });
  }

  get subscribers(): number {
    return this.sinks.size;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearInterval(this.poll);
    clearTimeout(this.flushTimer);
    this.sinks.clear();
    await Promise.all(this.unlisten.map((u) => u().catch(() => {})));
  }

  private leave(sink: HistorySink): void {
    this.sinks.delete(sink);
    if (this.sinks.size) return;
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private startListening(): Promise<void> {
    const relisten = () => {
      this.isResync = true;
      this.schedule(true);
    };
    this.listening ??= Promise.all([
      this.listen(JOB_CHANNEL, (payload) => this.onChange(payload), relisten),
      this.listen(NEW_JOB_CHANNEL, () => this.schedule(true), relisten),
    ])
      .then((unlisten) => {
        if (this.isStopped) for (const u of unlisten) void u().catch(() => {});
        else this.unlisten = unlisten;
      })
      .catch((e) => {
        logError("[live] history LISTEN failed; the newest id is polled until the next try:", e);
        this.listening = undefined;
      });
    return this.listening;
  }

  private onChange(payload: string): void {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || !this.sinks.size) return;
    this.pending.add(id);
    this.schedule(false);
  }

  private schedule(isNewJob: boolean): void {
    if (isNewJob) this.isNewJob = true;
    if (this.flushTimer || !this.sinks.size) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush()).catch((e) => logError("[live] history", e));
    }, this.timing.flushMs);
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    const wantsLatest = this.isNewJob;
    const resync = this.isResync;
    this.pending = new Set();
    this.isNewJob = this.isResync = false;
    const changed = await this.readChanged(ids);
    const latest = wantsLatest ? await this.readLatest() : this.latest;
    if (!changed.length && latest === this.latest && !resync) return;
    this.latest = Math.max(latest, this.latest);
    const change: HistoryChange = { latest: this.latest, changed, ...(resync ? { resync } : {}) };
    for (const sink of [...this.sinks]) sink(change);
  }

  /** The ids among `ids` whose state or times differ from the last read (or that are gone). */
  private async readChanged(ids: number[]): Promise<number[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .select({ id: jobs.id, state: jobs.state, start: jobs.startTime, finish: jobs.finishTime })
      .from(jobs)
      .where(inArray(jobs.id, ids));
    const now = new Map(rows.map((r) => [r.id, `${r.state} ${r.start ?? ""} ${r.finish ?? ""}`]));
    const changed = ids.filter((id) => this.seen.get(id) !== now.get(id));
    if (this.seen.size > MAX_REMEMBERED) this.seen.clear();
    for (const id of ids) {
      const sig = now.get(id);
      if (sig === undefined) this.seen.delete(id);
      else this.seen.set(id, sig);
    }
    return changed;
  }

  private async readLatest(): Promise<number> {
    const [row] = await this.db.select({ latest: max(jobs.id) }).from(jobs);
    return row?.latest ?? 0;
  }
}

import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents, jobHostSummaries, jobOutputLines } from "@/db/schema";
import { names } from "@/db/sql-names";
import { HostSummary, type AnsibleEvent, type HostRow } from "./host-summary";
import { redactValue } from "./redact";
import { storable } from "./storable";
import { settleWithin } from "@/db/retry";
import { nowSeconds } from "@/lib/time";
import { explain } from "@/lib/jobs/explanations";

const BATCH_LINES = 2000;
/**
 * Output waits this long for the rest of its burst before an idle writer stores it; while a
 * batch is being stored, new output waits for that write instead (one transaction per write,
 * however fast Ansible prints), so a line is seen live within milliseconds.
 */
const FLUSH_MS = 10;
/** an event keeps the start of each long text of its result (the whole output is in the lines) */
const EXCERPT_CHARS = 2000;
/** a batch statement that takes longer has hung (a lock, a dying server): it is cancelled and retried */
const STATEMENT_TIMEOUT_MS = 30_000;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/** Cuts an event's long texts, after masking: a secret cut in two would no longer be recognised. */
function excerpt(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === "string" && v.length > EXCERPT_CHARS) {
      const cut = v.slice(0, EXCERPT_CHARS);
      out[k] = `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
    } else out[k] = v;
  }
  return out;
}

/** PostgreSQL's SQLSTATE of a failed statement, through Drizzle's wrapper. */
function sqlState(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof err?.code === "string" ? err.code : typeof err?.cause?.code === "string" ? err.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function messageOf(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string } };
  return (err?.cause?.message ?? err?.message ?? String(e)).split("\n")[0]!.slice(0, 300);
}

/** Output that could not be stored however long it was retried: the lines from `lostFrom` on are not in the database. */
export class OutputWriteError extends Error {
  constructor(
    readonly reason: string,
    readonly lostFrom: number,
  ) {
    super(reason);
  }
}

export type Batch = { lines: { n: number; t: string }[]; events: Record<string, unknown>[]; hosts: HostRow[] };

export type OutputWriterOptions = {
  /** how long a batch is retried without any success before the writer gives up */
  retryMs?: number;
  /** called once when the writer gives up (the runner stops Ansible and ends the job) */
  onFailure?: (e: OutputWriteError) => void;
};

/**
 * Stores a running job's output as it arrives: numbered lines, events and the per-host
 * summary, in batches (one transaction per batch, rows passed as one JSON parameter), one
 * batch at a time so lines land in order. Every text goes through `redact` first, and is
 * made storable (no NUL, no lone surrogate). A failed batch is retried with backoff —
 * a dropped connection, a restarting server — and the lines keep their numbers; after
 * `retryMs` without success the writer gives up, says from which line output was lost,
 * and stores nothing more.
 */
export class OutputWriter {
  private lineNo: number;
  private seq = 0;
  private lines: { n: number; t: string }[] = [];
  private events: Record<string, unknown>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failure: OutputWriteError | undefined;
  private inFlightSince: number | undefined;
  /** lines handed to a batch that is not stored yet (retrying while the database is away) */
  private queued = 0;
  /** batches handed to the database and not stored yet */
  private writing = 0;
  private readonly retryMs: number;
  readonly summary = new HostSummary();
  /** event names seen so far (did a play start?) */
  readonly seen = new Set<string>();
  /** the first task that failed on a host (not ignored, not rescued), or a host that was unreachable */
  firstFailure: { host: string; task: string; message: string; unreachable: boolean } | undefined;

  constructor(
    private readonly db: Db,
    private readonly jobId: number,
    private readonly redact: (text: string) => string,
    private readonly opts: OutputWriterOptions = {},
  ) {
    this.lineNo = 0;
    this.retryMs = opts.retryMs ?? 120_000;
  }

  get lineCount(): number {
    return this.lineNo;
  }

  /** lines not stored yet: what Ansible's stdout is paused on when it grows too large */
  get pending(): number {
    return this.lines.length + this.queued;
  }

  /** Why the writer gave up, if it did. */
  get failed(): OutputWriteError | undefined {
    return this.failure;
  }

  /** A batch has been in the database's hands for longer than `ms` (retries included). */
  isStuck(ms: number, now = Date.now()): boolean {
    return this.inFlightSince !== undefined && now - this.inFlightSince > ms;
  }

  writeLines(texts: string[]): void {
    if (this.failure) {
      this.lineNo += texts.length;
      return;
    }
    for (const t of texts) this.lines.push({ n: ++this.lineNo, t: storable(this.redact(t)) });
    this.schedule();
  }

  writeEvent(e: AnsibleEvent): void {
    this.summary.apply(e);
    this.seen.add(String(e.event));
    this.noteFailure(e);
    if (this.failure) return;
    const data = e.data ? excerpt(storable(redactValue(e.data, this.redact))) : {};
    this.events.push({
      seq: ++this.seq,
      event: storable(String(e.event ?? "unknown").slice(0, 100)),
      play: storable(this.redact(String(e.play ?? ""))),
      task: storable(this.redact(String(e.task ?? ""))),
      host: storable(String(e.host ?? "")),
      changed: Boolean(e.changed),
      failed: Boolean(e.failed),
      line_no: this.lineNo,
      created: Math.floor(Number(e.created) || Date.now() / 1000),
      data,
    });
    this.schedule();
  }

  /** Writes everything pending; resolves when it is stored, rejects with the OutputWriteError once the writer gave up. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch: Batch = { lines: this.lines.splice(0), events: this.events.splice(0), hosts: this.summary.takeDirty() };
    if (!this.failure && (batch.lines.length || batch.events.length || batch.hosts.length)) {
      this.queued += batch.lines.length;
      this.writing++;
      this.chain = this.chain
        .then(() => (this.failure ? undefined : this.writeWithRetry(batch)))
        .finally(() => {
          this.queued -= batch.lines.length;
          if (--this.writing === 0 && (this.lines.length || this.events.length)) this.schedule();
        });
    }
    return this.chain.then(() => {
      if (this.failure) throw this.failure;
    });
  }

  /** A failed run's explanation: the host that failed first, in which task and why ("" when none did). */
  failureExplanation(): string {
    const first = this.firstFailure;
    if (!first) return "";
    const others = [...this.summary.hosts.entries()].filter(([h, c]) => h !== first.host && (c.failures > 0 || c.unreachable > 0)).length;
    return first.unreachable ? explain.hostUnreachable(first.host, first.message, others) : explain.hostFailed(first.host, first.task, first.message, others);
  }

  /** The first failure of each host (for its result), and of the job (for its explanation). */
  private noteFailure(e: AnsibleEvent): void {
    if (!e.host) return;
    const unreachable = e.event === "runner_on_unreachable";
    if (!unreachable && !(e.event === "runner_on_failed" && !e.data?.ignore_errors && !e.data?.rescued)) return;
    const host = String(e.host);
    if (this.firstFailure && this.summary.firstFailed.has(host)) return;
    const d = e.data ?? {};
    const message = [d.msg, d.stderr, d.stdout].find((v): v is string => typeof v === "string" && v.trim() !== "") ?? "";
    const failure = {
      host,
      task: storable(this.redact(String(e.task ?? ""))),
      message: storable(this.redact(message.trim().split("\n")[0]!)).slice(0, 300),
      unreachable,
    };
    this.summary.noteFailure(host, failure.task, failure.message);
    this.firstFailure ??= failure;
  }

  private schedule(): void {
    if (this.lines.length >= BATCH_LINES) void this.flush().catch(() => {});
    else if (this.writing === 0) this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS);
  }

  private async writeWithRetry(batch: Batch): Promise<void> {
    const startedAt = Date.now();
    this.inFlightSince = startedAt;
    let delay = FIRST_RETRY_MS;
    let eventsStripped = false;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          // the statement timeout stops a statement the server runs; this, one it never got
          await settleWithin(this.write(batch), STATEMENT_TIMEOUT_MS + 15_000);
          return;
        } catch (e) {
          // data PostgreSQL refuses (class 22) will not be taken on a retry: keep the events, not their data
          if (sqlState(e)?.startsWith("22") && batch.events.length && !eventsStripped) {
            eventsStripped = true;
            batch = { ...batch, events: batch.events.map((ev) => ({ ...ev, data: { unstorable: messageOf(e) } })) };
            continue;
          }
          if (Date.now() - startedAt + delay > this.retryMs) {
            this.failure = new OutputWriteError(messageOf(e), batch.lines[0]?.n ?? this.lineNo + 1);
            console.error(`[executor] job ${this.jobId}: gave up storing its output after ${attempt} attempts: ${this.failure.reason}`);
            this.lines = [];
            this.events = [];
            this.opts.onFailure?.(this.failure);
            return;
          }
          if (attempt === 1 || attempt % 10 === 0)
            console.error(`[executor] job ${this.jobId}: storing output failed (attempt ${attempt}), retrying: ${messageOf(e)}`);
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, MAX_RETRY_MS);
        }
      }
    } finally {
      this.inFlightSince = undefined;
    }
  }

  /**
   * One batch in one transaction: its lines, events and host counts land together or not
   * at all; a retry of a batch whose commit went through before the connection dropped
   * stores nothing twice.
   */
  private async write(batch: Batch): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${STATEMENT_TIMEOUT_MS}`));
      await storeOutputRows(tx, this.jobId, batch, nowSeconds());
    });
  }

  /**
   * What is pending, taken out without storing it: for output that is not live (the demo's
   * past runs), stored for many jobs at once with `storeOutputRows`.
   */
  takeBatch(): Batch {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return { lines: this.lines.splice(0), events: this.events.splice(0), hosts: this.summary.takeDirty() };
  }
}

/**
 * Stores output rows: numbered lines, events and the per-host counts (upserted), each
 * kind as one statement with its rows in one JSON parameter. `job` is the job of rows
 * without their own `job` (the writer's); `seenAt` is when host rows without their own were seen.
 */
export async function storeOutputRows(tx: Db, job: number, batch: OutputRows, seenAt: number): Promise<void> {
  const { lines, events, hosts } = batch;
  for (let i = 0; i < lines.length; i += BATCH_LINES) {
    const rows = JSON.stringify(lines.slice(i, i + BATCH_LINES));
    const L = jobOutputLines;
    await tx.execute(sql`
      insert into ${L} (${names(L.jobId, L.lineNo, L.text)})
      select coalesce(x.job, ${job}), x.n, x.t from json_to_recordset(${rows}::json) as x(job int, n int, t text)
      on conflict (${names(L.jobId, L.lineNo)}) do nothing`);
  }
  if (events.length) {
    const E = jobEvents;
    await tx.execute(sql`
      insert into ${E} (${names(E.jobId, E.seq, E.event, E.play, E.task, E.host, E.changed, E.failed, E.lineNo, E.created, E.data)})
      select coalesce(x.job, ${job}), x.seq, x.event, x.play, x.task, x.host, x.changed, x.failed, x.line_no, x.created, coalesce(x.data, '{}')::jsonb
      from json_to_recordset(${JSON.stringify(events)}::json)
        as x(job int, seq int, event text, play text, task text, host text, changed boolean, failed boolean, line_no int, created bigint, data json)
      on conflict (${names(E.jobId, E.seq)}) do nothing`);
  }
  if (hosts.length) {
    const rows = JSON.stringify(hosts);
    const H = jobHostSummaries;
    const counts = [H.ok, H.changed, H.failures, H.unreachable, H.skipped, H.rescued, H.ignored, H.firstFailedTask, H.firstFailedMessage, H.seenAt];
    await tx.execute(sql`
      insert into ${H} (${names(H.jobId, H.host, ...counts)})
      select coalesce(x.job, ${job}), x.host, x.ok, x.changed, x.failures, x.unreachable, x.skipped, x.rescued, x.ignored,
        x.first_failed_task, x.first_failed_message, coalesce(x.seen_at, ${seenAt})
      from json_to_recordset(${rows}::json)
        as x(job int, host text, ok int, changed int, failures int, unreachable int, skipped int, rescued int, ignored int,
          first_failed_task text, first_failed_message text, seen_at bigint)
      order by 1, x.host
      on conflict (${names(H.jobId, H.host)}) do update set ${sql.join(
        counts.map((c) => sql`${sql.identifier(c.name)} = excluded.${sql.identifier(c.name)}`),
        sql.raw(", "),
      )}`);
  }
}

/** A batch's rows, each of which may name its own job (and a host row when it was seen). */
export type OutputRows = {
  lines: ({ n: number; t: string } & { job?: number })[];
  events: Record<string, unknown>[];
  hosts: (HostRow & { job?: number; seen_at?: number })[];
};

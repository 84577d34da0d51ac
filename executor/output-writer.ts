import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { HostSummary, type AnsibleEvent } from "./host-summary";
import { redactValue } from "./redact";

const BATCH_LINES = 2000;
const FLUSH_MS = 100;
/** an event keeps the start of each long text of its result (the whole output is in the lines) */
const EXCERPT_CHARS = 2000;

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

/**
 * Stores a running job's output as it arrives: numbered lines, events and the per-host
 * summary, in batches (one INSERT per batch, rows passed as one JSON parameter), one
 * batch at a time so lines land in order. Every text goes through `redact` first.
 */
export class OutputWriter {
  private lineNo: number;
  private seq = 0;
  private lines: { n: number; t: string }[] = [];
  private events: Record<string, unknown>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  readonly summary = new HostSummary();
  /** event names seen so far (did a play start?) */
  readonly seen = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly jobId: number,
    private readonly redact: (text: string) => string,
    startAfterLine = 0,
  ) {
    this.lineNo = startAfterLine;
  }

  get lineCount(): number {
    return this.lineNo;
  }

  get pending(): number {
    return this.lines.length;
  }

  writeLines(texts: string[]): void {
    for (const t of texts) this.lines.push({ n: ++this.lineNo, t: this.redact(t) });
    this.schedule();
  }

  writeEvent(e: AnsibleEvent): void {
    this.summary.apply(e);
    this.seen.add(String(e.event));
    const data = e.data ? excerpt(redactValue(e.data, this.redact)) : {};
    this.events.push({
      seq: ++this.seq,
      event: String(e.event ?? "unknown").slice(0, 100),
      play: this.redact(String(e.play ?? "")),
      task: this.redact(String(e.task ?? "")),
      host: String(e.host ?? ""),
      changed: Boolean(e.changed),
      failed: Boolean(e.failed),
      line_no: this.lineNo,
      created: Math.floor(Number(e.created) || Date.now() / 1000),
      data,
    });
    this.schedule();
  }

  /** Writes everything pending; resolves when it is stored (rejects if a write failed). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.lines.splice(0);
    const events = this.events.splice(0);
    const hosts = this.summary.takeDirty();
    if (lines.length || events.length || hosts.length) {
      this.chain = this.chain.then(() => this.write(lines, events, hosts)).catch((e) => {
        this.failure ??= e;
      });
    }
    return this.chain.then(() => {
      if (this.failure) throw this.failure;
    });
  }

  private schedule(): void {
    if (this.lines.length >= BATCH_LINES) void this.flush().catch(() => {});
    else this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS);
  }

  private async write(lines: { n: number; t: string }[], events: Record<string, unknown>[], hosts: [string, object][]): Promise<void> {
    for (let i = 0; i < lines.length; i += BATCH_LINES) {
      const batch = JSON.stringify(lines.slice(i, i + BATCH_LINES));
      await this.db.execute(sql`
        insert into job_output_lines (job_id, line_no, text)
        select ${this.jobId}, x.n, x.t from json_to_recordset(${batch}::json) as x(n int, t text)`);
    }
    if (events.length) {
      await this.db.execute(sql`
        insert into job_events (job_id, seq, event, play, task, host, changed, failed, line_no, created, data)
        select ${this.jobId}, x.seq, x.event, x.play, x.task, x.host, x.changed, x.failed, x.line_no, x.created, coalesce(x.data, '{}')::jsonb
        from json_to_recordset(${JSON.stringify(events)}::json)
          as x(seq int, event text, play text, task text, host text, changed boolean, failed boolean, line_no int, created bigint, data json)`);
    }
    if (hosts.length) {
      const rows = JSON.stringify(hosts.map(([host, c]) => ({ host, ...c })));
      await this.db.execute(sql`
        insert into job_host_summaries (job_id, host, ok, changed, failures, unreachable, skipped, rescued, ignored)
        select ${this.jobId}, x.host, x.ok, x.changed, x.failures, x.unreachable, x.skipped, x.rescued, x.ignored
        from json_to_recordset(${rows}::json)
          as x(host text, ok int, changed int, failures int, unreachable int, skipped int, rescued int, ignored int)
        on conflict (job_id, host) do update set ok = excluded.ok, changed = excluded.changed, failures = excluded.failures,
          unreachable = excluded.unreachable, skipped = excluded.skipped, rescued = excluded.rescued, ignored = excluded.ignored`);
    }
  }
}

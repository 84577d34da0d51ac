import { sql } from "drizzle-orm";
import type { HostStatus } from "@/lib/jobs/enums";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";

/** Every line a job printed, in order, ANSI colour kept. Deleted with the job. */
export const jobOutputLines = pgTable(
  "job_output_lines",
  {
    jobId: integer("job_id").notNull(),
    lineNo: integer("line_no").notNull(),
    text: text("text").notNull(),
  },
  (t) => [
    // stdout ranges and the live stream read `job_id = ? and line_no > ?` in order
    primaryKey({ columns: [t.jobId, t.lineNo] }),
  ],
);

/** Structured events from the project's callback plugin (play, task, host, outcome). */
export const jobEvents = pgTable(
  "job_events",
  {
    jobId: integer("job_id").notNull(),
    seq: integer("seq").notNull(),
    event: text("event").notNull(),
    play: text("play").notNull().default(""),
    task: text("task").notNull().default(""),
    host: text("host").notNull().default(""),
    changed: boolean("changed").notNull().default(false),
    failed: boolean("failed").notNull().default(false),
    /** stdout lines printed up to this event (the event's position in the output) */
    lineNo: integer("line_no").notNull(),
    created: bigint("created", { mode: "number" }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // the events endpoint pages `job_id = ?` in seq order
    primaryKey({ columns: [t.jobId, t.seq] }),
  ],
);

/**
 * Each host's own result in a job, built from runner events as they arrive (also for runs
 * with no final stats): its counts, the status they add up to, and the first task that
 * failed on it (redacted, as the output is).
 */
export const jobHostSummaries = pgTable(
  "job_host_summaries",
  {
    jobId: integer("job_id").notNull(),
    host: text("host").notNull(),
    ok: integer("ok").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    failures: integer("failures").notNull().default(0),
    unreachable: integer("unreachable").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    rescued: integer("rescued").notNull().default(0),
    ignored: integer("ignored").notNull().default(0),
    status: text("status")
      .$type<HostStatus>()
      .notNull()
      .generatedAlwaysAs(
        sql`case when unreachable > 0 then 'unreachable' when failures > 0 then 'failed' when changed > 0 then 'changed'
          when ok = 0 and skipped > 0 then 'skipped' else 'ok' end`,
      ),
    firstFailedTask: text("first_failed_task").notNull().default(""),
    firstFailedMessage: text("first_failed_message").notNull().default(""),
    /** when the executor last wrote this row (epoch seconds) */
    seenAt: bigint("seen_at", { mode: "number" }).notNull().default(0),
    /** its job's template, inventory and project (0: none), copied from the job when the row is written (migration 0019) */
    templateId: integer("template_id").notNull().default(0),
    inventoryId: integer("inventory_id").notNull().default(0),
    projectId: integer("project_id").notNull().default(0),
  },
  (t) => [
    // the hosts endpoint and "re-run on failed hosts" read `job_id = ?`
    primaryKey({ columns: [t.jobId, t.host] }),
    // `?host=` on the history and a host's timeline read `host = ?` newest job first
    index("job_host_summaries_host_job_idx").on(t.host, t.jobId.desc()),
    // the failing hosts of a period counted from the results (stats in a zone the roll-up does not keep)
    index("job_host_summaries_failed_seen_idx")
      .on(t.seenAt)
      .where(sql`${t.status} in ('failed', 'unreachable')`),
  ],
);

/**
 * Every host seen in a job, kept by triggers on `job_host_summaries` (insert, update,
 * delete): how many jobs it was in, and its newest job's status and time. The host list
 * reads only this table, whatever the size of the history.
 */
export const hosts = pgTable(
  "hosts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    jobs: integer("jobs").notNull().default(0),
    lastJobId: integer("last_job_id").notNull(),
    lastStatus: text("last_status").$type<HostStatus>().notNull(),
    lastSeen: bigint("last_seen", { mode: "number" }).notNull(),
  },
  (t) => [
    // the triggers' upsert target, and `?name=`
    uniqueIndex("hosts_name_idx").on(t.name),
    // the host list's default order and `ordering=-last_seen`
    index("hosts_last_seen_idx").on(t.lastSeen.desc(), t.id.desc()),
  ],
);

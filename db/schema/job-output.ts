import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

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

/** Per-host outcome counts, built from runner events (also for runs with no final stats). */
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
  },
  (t) => [
    // the hosts endpoint and "re-run on failed hosts" read `job_id = ?`
    primaryKey({ columns: [t.jobId, t.host] }),
  ],
);

import { sql, type SQL } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { runOptionColumns } from "./run-options";

/**
 * The ten columns `?search=` looks in as one text, a line each (a search word never holds
 * a line break, so it is part of the text exactly when it is part of one of them). The
 * function is migration 0027's; `jobs_search_trgm_idx` indexes it.
 */
export function jobSearchText(t: Record<(typeof JOB_SEARCHED)[number], AnyPgColumn>): SQL {
  return sql`job_search_text(${sql.join(
    JOB_SEARCHED.map((k) => sql`${t[k]}`),
    sql`, `,
  )})`;
}
/** In the function's order; the job contract's `searchable` keys (a test checks they agree). */
export const JOB_SEARCHED = [
  "userName",
  "limit",
  "inventoryName",
  "credentialName",
  "templateName",
  "playbook",
  "arguments",
  "module",
  "scheduleName",
  "projectName",
] as const;

// References carry no foreign keys on purpose: a job keeps the ids and the names
// (`*_name`) of what it pointed to when it was created, even after those are deleted.
export const jobs = pgTable(
  "jobs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cuserId: integer("cuser_id").notNull(),
    userName: text("user_name").notNull().default(""),
    templateId: integer("template_id"),
    templateName: text("template_name"),
    inventoryId: integer("inventory_id"),
    inventoryName: text("inventory_name"),
    credentialId: integer("credential_id"),
    credentialName: text("credential_name"),
    projectId: integer("project_id"),
    projectName: text("project_name"),
    scheduleId: integer("schedule_id"),
    scheduleName: text("schedule_name"),
    nodeId: integer("node_id"),
    parentJobId: integer("job_id"),
    ...runOptionColumns(),
    inventoryStr: text("inventory_str").notNull().default(""),
    module: text("module").notNull().default(""),
    arguments: text("arguments").notNull().default(""),
    kind: text("kind").notNull().default("job"),
    state: text("state").notNull().default("new"),
    startTime: bigint("start_time", { mode: "number" }),
    finishTime: bigint("finish_time", { mode: "number" }),
    /** seconds from start to finish (0 if the clocks disagree); null until both are known: what the UI shows for an ended job */
    duration: bigint("duration", { mode: "number" }).generatedAlwaysAs(sql`case when finish_time < start_time then 0 else finish_time - start_time end`),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
    /** the executor process that claimed the job (workers.id) */
    workerId: text("worker_id"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /** why the job ended as it did (error, failed, canceled, timeout), also printed in its output */
    explanation: text("explanation").notNull().default(""),
    /** who asked to cancel it (users.id), and when */
    canceledBy: integer("canceled_by"),
    canceledAt: bigint("canceled_at", { mode: "number" }),
    /** last time its executor saw it make progress (heartbeat); the reaper ends a job stuck past a limit */
    progressAt: bigint("progress_at", { mode: "number" }),
    /**
     * Ansible may render Jinja in `variables` (JINJA_IN_VARIABLES=template): they are the
     * template's, or a re-run's unchanged copy of trusted ones. Otherwise marked !unsafe.
     */
    variablesTrusted: boolean("variables_trusted").notNull().default(false),
    /** git projects: the commit the executor checked out for this run ("" for folders and ad-hoc commands) */
    scmRevision: text("scm_revision").notNull().default(""),
    /** its output lines and events were dropped by the retention policy (the job, its host results and reason stay) */
    outputPurged: boolean("output_purged").notNull().default(false),
  },
  (t) => [
    // `?template=` page ordered by -id; a template's last job (server/jobs/last-job-of.ts)
    index("jobs_template_id_idx").on(t.templateId, t.id),
    // `?template=&state=` page ordered by -id; a template's jobs waiting or running, and those queued before a job (concurrency limits)
    index("jobs_template_state_id_idx").on(t.templateId, t.state, t.id),
    // `?inventory=` page ordered by -id
    index("jobs_inventory_id_idx").on(t.inventoryId, t.id),
    // an inventory's jobs waiting or running, and those queued before a job (concurrency limits, core/jobs/queue-limits.ts)
    index("jobs_inventory_state_id_idx").on(t.inventoryId, t.state, t.id),
    // `?credential=` page ordered by -id
    index("jobs_credential_id_idx").on(t.credentialId, t.id),
    // `?schedule=` page ordered by -id; a schedule's last job
    index("jobs_schedule_id_idx").on(t.scheduleId, t.id),
    // `?state=` / `?state__in=` page ordered by -id; the executor's claim of the oldest `new` job
    index("jobs_state_id_idx").on(t.state, t.id),
    // `?kind=` page ordered by -id
    index("jobs_kind_id_idx").on(t.kind, t.id),
    // `?project=` page ordered by -id
    index("jobs_project_id_idx").on(t.projectId, t.id),
    // `?cuser=` page ordered by -id, and its exact count
    index("jobs_cuser_id_idx").on(t.cuserId, t.id),
    // `?job=`: the re-runs of a job
    index("jobs_parent_id_idx").on(t.parentJobId, t.id),
    // `ordering=start_time` read forward, `-start_time` backward: an ascending index read
    // backward is PostgreSQL's `DESC` (nulls first); a `DESC NULLS LAST` one serves neither
    index("jobs_start_time_id_idx").on(t.startTime, t.id),
    // `ordering=finish_time` / `-finish_time` (ties by id), as above
    index("jobs_finish_time_id_idx").on(t.finishTime, t.id),
    // `ordering=duration` / `-duration` (ties by id), as above: an index-only scan, deep pages too
    index("jobs_duration_id_idx").on(t.duration, t.id),
    // `?state=failed&ordering=-duration`: the longest failed jobs without walking past the longer successful ones
    index("jobs_state_duration_id_idx").on(t.state, t.duration, t.id),
    // the reaper's look-up of jobs held by a worker
    index("jobs_worker_idx")
      .on(t.workerId)
      .where(sql`${t.workerId} is not null`),
    // `ordering=ctime` / `-ctime` (ties by id) and `ctime__gte/__lte` ranges
    index("jobs_ctime_id_idx").on(t.ctime, t.id),
    // `?search=`: the jobs a word is part of one of the ten searched columns of (trigrams, pg_trgm)
    index("jobs_search_trgm_idx").using("gin", sql`${jobSearchText(t)} gin_trgm_ops`),
  ],
);

/**
 * Exact job counts per combination of the list's cheap filter dimensions, kept by
 * statement-level triggers on `jobs` (see migration 0001). `count(*)` over a million
 * rows costs ~65 ms; summing the matching groups here costs well under one.
 * Null references are stored as 0.
 */
export const jobCounts = pgTable(
  "job_counts",
  {
    templateId: integer("template_id").notNull(),
    inventoryId: integer("inventory_id").notNull(),
    credentialId: integer("credential_id").notNull(),
    scheduleId: integer("schedule_id").notNull(),
    projectId: integer("project_id").notNull(),
    state: text("state").notNull(),
    kind: text("kind").notNull(),
    jobType: text("job_type").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target: one row per combination
    uniqueIndex("job_counts_key_idx").on(t.templateId, t.inventoryId, t.credentialId, t.scheduleId, t.projectId, t.state, t.kind, t.jobType),
  ],
);

/**
 * Exact job counts per user, with the dimensions a user's list is most filtered by, kept
 * like `job_counts` (migration 0026). A separate table: every user in `job_counts` would
 * multiply the rows the unfiltered count sums by the number of users.
 */
export const jobUserCounts = pgTable(
  "job_user_counts",
  {
    cuserId: integer("cuser_id").notNull(),
    templateId: integer("template_id").notNull(),
    state: text("state").notNull(),
    kind: text("kind").notNull(),
    jobType: text("job_type").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; `?cuser=` sums one user's rows
    uniqueIndex("job_user_counts_key_idx").on(t.cuserId, t.templateId, t.state, t.kind, t.jobType),
  ],
);

/** The axes `job_buckets` cuts the jobs along: ids in blocks of `JOB_ID_BLOCK`, the three times in UTC days. */
export const BUCKET_AXES = { id: "i", ctime: "c", start_time: "s", finish_time: "f" } as const;
/** Seconds per bucket of a time axis. */
export const TIME_BUCKET = 86_400;
/** The bucket of a job whose time is null: past every day, where PostgreSQL sorts nulls ascending. */
export const NULL_BUCKET = 9_007_199_254_740_991;

/**
 * Jobs per bucket of one ordering axis (`BUCKET_AXES`) and combination of the
 * `job_counts` dimensions, kept by statement-level triggers (migration 0026). A time range
 * is counted from the whole days inside it plus the jobs of its two partial days; a deep
 * page, filtered or ordered by a time, sums buckets in the list's order to find where its
 * first row lies and walks the index from that bucket's edge, not from the top.
 */
export const jobBuckets = pgTable(
  "job_buckets",
  {
    axis: text("axis").notNull(),
    bucket: bigint("bucket", { mode: "number" }).notNull(),
    templateId: integer("template_id").notNull(),
    inventoryId: integer("inventory_id").notNull(),
    credentialId: integer("credential_id").notNull(),
    scheduleId: integer("schedule_id").notNull(),
    projectId: integer("project_id").notNull(),
    state: text("state").notNull(),
    kind: text("kind").notNull(),
    jobType: text("job_type").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; a range of one axis's buckets (counts, seeks). Migration
    // 0026 adds `INCLUDE (n)`, which drizzle-kit cannot say: the sums are index-only scans
    uniqueIndex("job_buckets_key_idx").on(t.axis, t.bucket, t.templateId, t.inventoryId, t.credentialId, t.scheduleId, t.projectId, t.state, t.kind, t.jobType),
  ],
);

/** `job_buckets` summed over the dimensions (migration 0026): what an unfiltered time range or deep page reads, ~3,000 rows for two years. */
export const jobBucketTotals = pgTable(
  "job_bucket_totals",
  {
    axis: text("axis").notNull(),
    bucket: bigint("bucket", { mode: "number" }).notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; a range of one axis's buckets
    primaryKey({ columns: [t.axis, t.bucket] }),
  ],
);

/**
 * Jobs per day (UTC) of one time axis (`c`, `s`, `f` of `BUCKET_AXES`) and block of
 * `JOB_ID_BLOCK` ids, kept by statement-level triggers (migration 0028); null times are not
 * kept. The blocks of a range's days bound the ids of the jobs in it, so a page ordered by id
 * starts its walk at the highest (or lowest) of them, not past every newer job.
 */
export const jobDayBlocks = pgTable(
  "job_day_blocks",
  {
    axis: text("axis").notNull(),
    day: bigint("day", { mode: "number" }).notNull(),
    block: bigint("block", { mode: "number" }).notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; the blocks of a range of one axis's days
    primaryKey({ columns: [t.axis, t.day, t.block] }),
  ],
);

/** Ids per block of `JOB_ID_BLOCK` consecutive ids in `job_id_blocks`. */
export const JOB_ID_BLOCK = 4096;

/**
 * How many jobs each block of 4096 consecutive ids holds, kept by statement-level
 * triggers on `jobs` (migration 0006). A deep page of the unfiltered list ordered by id
 * (`?offset=500000`) sums these ~250 rows to find the block that holds its first row and
 * skips at most 4095 index entries, instead of 500,000 (~70 ms).
 */
export const jobIdBlocks = pgTable("job_id_blocks", {
  // the upsert target of the triggers, and the order of the running sum
  block: integer("block").primaryKey(),
  n: integer("n").notNull().default(0),
});

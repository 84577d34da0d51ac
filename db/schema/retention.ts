import { sql } from "drizzle-orm";
import { bigint, boolean, check, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** What the last cleanup did (`GET /api/job/settings/retention/`'s `last_run`). */
export type RetentionRunResult = {
  trigger: "schedule" | "manual";
  started_at: number;
  finished_at: number;
  jobs_deleted: number;
  output_jobs: number;
  output_lines: number;
  errors: string[];
};

/**
 * The retention policy: one row (id 1), read by the daily cleanup (core/retention/).
 * A null age keeps forever; `keep_per_template` 0 keeps no extra jobs.
 */
export const retentionSettings = pgTable(
  "retention_settings",
  {
    id: integer("id").primaryKey(),
    enabled: boolean("enabled").notNull().default(false),
    /** jobs that ended (else were created) more than this many days ago are deleted */
    jobDays: integer("job_days"),
    /** the newest K jobs of each template (ad-hoc commands: one group) are never deleted by age */
    keepPerTemplate: integer("keep_per_template").notNull().default(0),
    /** the output of jobs that ended more than this many days ago is dropped; the job stays */
    outputDays: integer("output_days"),
    /** "HH:MM" in Asia/Shanghai: when the daily cleanup runs */
    runAt: text("run_at").notNull().default("03:00"),
    /** the daily run's next due time (epoch seconds); claimed by compare-and-set, once across processes */
    nextRunAt: bigint("next_run_at", { mode: "number" }),
    /** a cleanup in progress since (its heartbeat, epoch seconds); null when none runs */
    runningSince: bigint("running_since", { mode: "number" }),
    lastRun: jsonb("last_run").$type<RetentionRunResult>(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull().default(0),
  },
  () => [check("retention_settings_one_row", sql`id = 1`)],
);

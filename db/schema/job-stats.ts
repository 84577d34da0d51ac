import { bigint, integer, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";

// Roll-ups behind `GET /api/job/stats/`, kept by triggers (migration 0019) like
// `job_counts`: the stats of any number of days read a few rows per day and dimension
// instead of every job. A day is a calendar day in STATS_DAY_ZONE (lib/jobs/stats-days.ts);
// a job counts on the day it ended. Null references are stored as 0.

/** Ended jobs per day, template, inventory, project and final state. */
export const jobStatsDaily = pgTable(
  "job_stats_daily",
  {
    day: integer("day").notNull(),
    templateId: integer("template_id").notNull(),
    inventoryId: integer("inventory_id").notNull(),
    projectId: integer("project_id").notNull(),
    state: text("state").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; the stats read a range of days
    uniqueIndex("job_stats_daily_key_idx").on(t.day, t.templateId, t.inventoryId, t.projectId, t.state),
  ],
);

/** Successful jobs per day, template, inventory, project and duration bucket (lib/jobs/duration-buckets.ts). */
export const jobDurationsDaily = pgTable(
  "job_durations_daily",
  {
    day: integer("day").notNull(),
    templateId: integer("template_id").notNull(),
    inventoryId: integer("inventory_id").notNull(),
    projectId: integer("project_id").notNull(),
    bucket: smallint("bucket").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the triggers' upsert target; the percentiles read a range of days
    uniqueIndex("job_durations_daily_key_idx").on(t.day, t.templateId, t.inventoryId, t.projectId, t.bucket),
  ],
);

/**
 * Failed or unreachable results per day (the day each was last written), host, status,
 * and its job's template, inventory and project.
 */
export const hostFailuresDaily = pgTable(
  "host_failures_daily",
  {
    day: integer("day").notNull(),
    host: text("host").notNull(),
    status: text("status").notNull(),
    templateId: integer("template_id").notNull(),
    inventoryId: integer("inventory_id").notNull(),
    projectId: integer("project_id").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // the trigger's upsert target; the failing hosts of a range of days
    uniqueIndex("host_failures_daily_key_idx").on(t.day, t.host, t.status, t.templateId, t.inventoryId, t.projectId),
  ],
);

import { z } from "zod";
import { boolean, integer, string } from "@/lib/drf/fields";
import type { FieldSpec } from "@/lib/drf/serializer";

const int = z.number().int();

/** "HH:MM", 24-hour clock. */
export const RUN_AT_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** At most 100 years: any longer is "keep forever" (null). */
const MAX_DAYS = 36_500;

/** `PUT /api/job/settings/retention/`: every key optional (a PUT changes what it names). */
export const RETENTION_INPUT_FIELDS = {
  enabled: boolean(),
  job_days: integer({ min: 0, max: MAX_DAYS, nullable: true }),
  keep_per_template: integer({ min: 0, max: 100_000 }),
  output_days: integer({ min: 0, max: MAX_DAYS, nullable: true }),
  run_at: string({ maxLength: 5, allowBlank: false }),
} satisfies FieldSpec;

/** What one cleanup removes, or would remove (a dry run). */
export const RetentionCounts = z.object({
  /** jobs deleted with their output and host results */
  jobs: int,
  /** jobs kept whose output is dropped */
  output_jobs: int,
  /** lines of output those kept jobs lose */
  output_lines: int,
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;

export const RetentionRun = RetentionCounts.extend({
  trigger: z.enum(["schedule", "manual"]),
  started_at: int,
  finished_at: int,
  errors: z.array(z.string()),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

/** `GET /api/job/settings/retention/`. */
export const RetentionSettingsRecord = z.object({
  enabled: z.boolean(),
  /** delete jobs that ended (else were created) more than this many days ago; null (or 0): keep forever */
  job_days: int.nullable(),
  /** never delete the newest K jobs of each template (ad-hoc commands: one group); 0: none */
  keep_per_template: int,
  /** drop the output of jobs that ended more than this many days ago; null (or 0): keep it */
  output_days: int.nullable(),
  /** the daily run's time, "HH:MM" in Asia/Shanghai */
  run_at: z.string(),
  /** the next daily run (epoch seconds), null when disabled */
  next_run_at: int.nullable(),
  /** a cleanup in progress since (epoch seconds) */
  running_since: int.nullable(),
  last_run: RetentionRun.nullable(),
});
export type RetentionSettingsRecord = z.infer<typeof RetentionSettingsRecord>;

/** `POST …/run/`: `dry_run` counts only. */
export const RetentionRunResponse = z.object({ dry_run: z.boolean() }).and(RetentionCounts);

export const retentionMessages = {
  runAt: "请使用 HH:MM 格式（00:00–23:59）。",
  running: "保留策略清理正在进行，请稍后再试。",
  nothingToDo: "未设置任何保留期限：请先设置作业保留天数或输出保留天数。",
};

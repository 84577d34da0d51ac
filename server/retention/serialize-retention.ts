import type { RetentionSettingsRecord } from "@/lib/contracts/retention";
import type { RetentionSettingsRow } from "@/core/retention/retention-settings";

export function serializeRetention(row: RetentionSettingsRow): RetentionSettingsRecord {
  const last = row.lastRun;
  return {
    enabled: row.enabled,
    job_days: row.jobDays,
    keep_per_template: row.keepPerTemplate,
    output_days: row.outputDays,
    run_at: row.runAt,
    next_run_at: row.enabled ? row.nextRunAt : null,
    running_since: row.runningSince,
    last_run: last
      ? {
          trigger: last.trigger,
          started_at: last.started_at,
          finished_at: last.finished_at,
          jobs: last.jobs_deleted,
          output_jobs: last.output_jobs,
          output_lines: last.output_lines,
          errors: last.errors,
        }
      : null,
  };
}

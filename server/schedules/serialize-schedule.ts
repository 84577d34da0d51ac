import { nextRunAfter } from "@/lib/schedules/cron";
import { nowSeconds } from "@/lib/time";
import type { ScheduleWithName } from "./select-schedules";

/** `next_run` is computed now from the cron and zone: null while the schedule is disabled. */
export function serializeSchedule({ schedule: r, templateName }: ScheduleWithName) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    template: r.templateId,
    template_name: templateName,
    cron: r.cron,
    timezone: r.timezone,
    enabled: r.enabled,
    limit: r.limit,
    tags: r.tags,
    skip_tags: r.skipTags,
    variables: r.variables,
    verbosity: r.verbosity,
    job_type: r.jobType,
    next_run: r.enabled ? (r.nextFireAt ?? nextRunAfter(r.cron, r.timezone, nowSeconds())) : null,
    last_error: r.lastError,
    owner: r.ownerId,
    ctime: r.ctime,
  };
}

export type ScheduleRecord = ReturnType<typeof serializeSchedule>;

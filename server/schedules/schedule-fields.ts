import { schedules, templates } from "@/db/schema";
import { boolean, choice, intChoice, primaryKey, string } from "@/lib/drf/fields";
import { JOB_TYPES } from "@/lib/jobs/enums";
import { MAX } from "@/lib/jobs/limits";
import { DESCRIPTION_FIELD, NAME_FIELD } from "@/lib/contracts/common-fields";

export const SCHEDULE_FIELDS = {
  name: NAME_FIELD,
  description: DESCRIPTION_FIELD,
  template: { ...primaryKey({ nullable: false }), required: true },
  cron: { ...string({ maxLength: 256, allowBlank: false }), required: true },
  timezone: string({ maxLength: 64, allowBlank: false }),
  enabled: boolean(),
  // overrides of the template's run options: null takes the template's
  limit: string({ maxLength: MAX.short, nullable: true }),
  tags: string({ maxLength: MAX.short, nullable: true }),
  skip_tags: string({ maxLength: MAX.short, nullable: true }),
  variables: string({ maxLength: MAX.text, nullable: true }),
  verbosity: { ...intChoice([0, 1, 2, 3, 4]), nullable: true },
  job_type: choice(JOB_TYPES, { nullable: true }),
};

export const OVERRIDE_COLUMNS = {
  limit: "limit", tags: "tags", skip_tags: "skipTags", variables: "variables", verbosity: "verbosity", job_type: "jobType",
} as const satisfies Partial<Record<keyof typeof SCHEDULE_FIELDS, keyof typeof schedules.$inferInsert>>;

export const SCHEDULE_ORDERABLE = {
  id: schedules.id,
  name: schedules.name,
  description: schedules.description,
  template: schedules.templateId,
  template_name: templates.name,
  cron: schedules.cron,
  timezone: schedules.timezone,
  enabled: schedules.enabled,
  ...Object.fromEntries(Object.entries(OVERRIDE_COLUMNS).map(([key, col]) => [key, schedules[col]])),
  ctime: schedules.ctime,
};

import { z } from "zod";
import { boolean, choice, intChoice, primaryKey, string } from "../drf/fields";
import { JOB_TYPES } from "../jobs/enums";
import { MAX } from "../jobs/limits";
import { nextRunAfter } from "../schedules/cron";
import { nowSeconds } from "../time";
import { DESCRIPTION_FIELD, LAST_JOB_FIELDS, NAME_FIELD } from "./common-fields";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";
import { RUN_OPTION_KEYS, type RunOptionKey } from "./job";

const text = z.string();
/** an override of the template's run option: null takes the template's */
const override = { update: true, orderable: true } as const;

/** The schedule record, in its key order. */
export const SCHEDULE_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { output: text, column: "name", input: NAME_FIELD, update: true, orderable: true, searchable: true, filter: "exact" },
  description: { output: text, column: "description", input: DESCRIPTION_FIELD, update: true, orderable: true, searchable: true },
  template: {
    output: z.number().int(),
    column: "templateId",
    input: { ...primaryKey({ nullable: false }), required: true },
    reference: true,
    update: true,
    orderable: true,
    filter: "id",
  },
  /** the template's current name (a join), null when it is gone */
  template_name: { output: text.nullable(), column: "templateName", orderable: true },
  cron: { output: text, column: "cron", input: { ...string({ maxLength: 256, allowBlank: false }), required: true }, update: true, orderable: true },
  timezone: { output: text, column: "timezone", input: string({ maxLength: 64, allowBlank: false }), update: true, orderable: true },
  enabled: { output: z.boolean(), column: "enabled", input: boolean(), update: true, orderable: true },
  limit: { ...override, output: text.nullable(), column: "limit", input: string({ maxLength: MAX.short, nullable: true }) },
  tags: { ...override, output: text.nullable(), column: "tags", input: string({ maxLength: MAX.short, nullable: true }) },
  skip_tags: { ...override, output: text.nullable(), column: "skipTags", input: string({ maxLength: MAX.short, nullable: true }) },
  variables: { ...override, output: text.nullable(), column: "variables", input: string({ maxLength: MAX.text, nullable: true }) },
  verbosity: { ...override, output: z.number().int().nullable(), column: "verbosity", input: { ...intChoice([0, 1, 2, 3, 4]), nullable: true } },
  job_type: { ...override, output: text.nullable(), column: "jobType", input: choice(JOB_TYPES, { nullable: true }) },
  /** the stored next fire time, else computed now from the cron and zone; null while disabled */
  next_run: {
    output: z.number().nullable(),
    column: "nextFireAt",
    derive: (r) => (r.enabled ? (r.next_run ?? nextRunAfter(r.cron as string, r.timezone as string, nowSeconds())) : null),
  },
  last_error: { output: text, column: "lastError" },
  owner: { output: z.number().int().nullable(), column: "ownerId" },
  ctime: { output: z.number(), column: "ctime", orderable: true },
  ...LAST_JOB_FIELDS,
} as const satisfies Contract;

export type ScheduleFieldKey = keyof typeof SCHEDULE_FIELDS;

export const SCHEDULE_INPUT_FIELDS = inputSpec(SCHEDULE_FIELDS, keysWith(SCHEDULE_FIELDS, "input"));

/** The run options a schedule may override. */
export const OVERRIDE_KEYS = RUN_OPTION_KEYS.filter((k): k is RunOptionKey & ScheduleFieldKey => k in SCHEDULE_FIELDS);

/** The schedule record, as the web UI reads it. */
export const ScheduleRecord = recordSchema(SCHEDULE_FIELDS);
export type ScheduleRecord = z.infer<typeof ScheduleRecord>;

export const toScheduleRecord: (row: Record<string, unknown>) => ScheduleRecord = serializer(SCHEDULE_FIELDS);

import { z } from "zod";
import { boolean, primaryKey, string } from "../drf/fields";
import { nextRunAfter } from "../schedules/cron";
import { nowSeconds } from "../time";
import { DESCRIPTION_FIELD, LAST_JOB_FIELDS, NAME_FIELD } from "./common-fields";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";
import { JOB_FIELDS, PROMPT_KEYS, type PromptKey } from "./job";

const text = z.string();

type Job = typeof JOB_FIELDS;
type Override<K extends PromptKey> = {
  output: Job[K]["output"] extends z.ZodNullable ? Job[K]["output"] : z.ZodNullable<Job[K]["output"]>;
  column: Job[K]["column"];
  input: Job[K]["input"];
  update: true;
  orderable: true;
  prompt: true;
};
/** An override of what the template may ask at launch, parsed as the job parses it; null takes the template's. */
function override<K extends PromptKey>(key: K): Override<K> {
  const { output, column, input } = JOB_FIELDS[key] as { output: z.ZodType; column: string; input: object };
  const nullable = output instanceof z.ZodNullable ? output : output.nullable();
  return { output: nullable, column, input: { ...input, nullable: true }, update: true, orderable: true, prompt: true } as unknown as Override<K>;
}
/** The overrides in the record's order: those schedules had first, then the rest. */
const FIRST = ["limit", "tags", "skip_tags", "variables", "verbosity", "job_type"] as const satisfies readonly PromptKey[];
const OVERRIDE_ORDER = [...FIRST, ...PROMPT_KEYS.filter((k) => !(FIRST as readonly string[]).includes(k))];
const overrides = Object.fromEntries(OVERRIDE_ORDER.map((k) => [k, override(k)])) as { [K in PromptKey]: Override<K> };

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
  ...overrides,
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

/** What a schedule may override: what a template may ask at launch. */
export const OVERRIDE_KEYS = PROMPT_KEYS;

/** The schedule record, as the web UI reads it. */
export const ScheduleRecord = recordSchema(SCHEDULE_FIELDS);
export type ScheduleRecord = z.infer<typeof ScheduleRecord>;

export const toScheduleRecord: (row: Record<string, unknown>) => ScheduleRecord = serializer(SCHEDULE_FIELDS);

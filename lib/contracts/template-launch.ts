import { z } from "zod";
import { askFlag, JOB_FIELDS, JobRecord, PROMPT_KEYS, type AskFlag, type PromptKey } from "./job";

const named = z.object({ id: z.number().int(), name: z.string() }).nullable();
type Job = typeof JOB_FIELDS;
type DefaultOf<K extends PromptKey> = Job[K] extends { reference: true } ? typeof named : Job[K]["output"];

/** `defaults` of the launch GET: what a launch takes when it is not told; a reference as its id and current name. */
const defaults = z.object(
  Object.fromEntries(PROMPT_KEYS.map((k) => [k, "reference" in JOB_FIELDS[k] ? named : JOB_FIELDS[k].output])) as { [K in PromptKey]: DefaultOf<K> },
);
const askFlags = Object.fromEntries(PROMPT_KEYS.map((k) => [askFlag(k), z.boolean()])) as { [K in PromptKey as AskFlag<K>]: z.ZodBoolean };

/** GET /api/job/template/<id>/launch/: what a launch of the template asks for, and its defaults (AWX's shape). */
export const LaunchPrompts = z.object({
  ...askFlags,
  defaults,
  inventory_needed_to_start: z.boolean(),
  credential_needed_to_start: z.boolean(),
  can_start_without_user_input: z.boolean(),
  job_template_data: z.object({ id: z.number().int(), name: z.string(), description: z.string() }),
});
export type LaunchPrompts = z.infer<typeof LaunchPrompts>;

/** POST …/launch/: the job record, and the keys sent that the template does not ask for, with their values as sent. */
export const TemplateLaunchRecord = JobRecord.extend({ ignored_fields: z.record(z.string(), z.unknown()) });
export type TemplateLaunchRecord = z.infer<typeof TemplateLaunchRecord>;

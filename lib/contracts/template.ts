import { z } from "zod";
import { boolean, integer, primaryKey } from "../drf/fields";
import { MAX_CONCURRENT_JOBS } from "../jobs/limits";
import { DESCRIPTION_FIELD, LAST_JOB_FIELDS, NAME_FIELD } from "./common-fields";
import { inputSpec, recordSchema, serializer, type Contract } from "./define";
import { askColumnOf, askFlag, JOB_FIELDS, PROMPT_KEYS, RUN_OPTION_KEYS, type AskColumn, type AskFlag, type PromptKey, type RunOptionKey } from "./job";

const str = z.string();
const reference = { output: z.number().int().nullable(), input: primaryKey(), reference: true, update: true, orderable: true, filter: "id" } as const;
const prompt = { prompt: true } as const;
/** the referenced object's current name (a join), null when it is gone */
const currentName = { output: z.string().nullable(), orderable: true } as const;

/** A run option as the job contract declares it: a template stores and parses it the same way. */
function option<K extends RunOptionKey>(
  key: K,
): Pick<(typeof JOB_FIELDS)[K], "output" | "column" | "input" | "option"> & { update: true; orderable: true; prompt?: true } {
  const { output, column, input, option } = JOB_FIELDS[key];
  const field = { output, column, input, option, update: true, orderable: true } as const;
  return "prompt" in JOB_FIELDS[key] ? { ...field, prompt: true } : field;
}

/** The template record's keys as it was laid out, its run options among them. */
const LAID_OUT = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { output: str, column: "name", input: NAME_FIELD, update: true, orderable: true, searchable: true, filter: "exact" },
  description: { output: str, column: "description", input: DESCRIPTION_FIELD, update: true, orderable: true, searchable: true },
  project: { ...reference, column: "projectId" },
  project_name: { ...currentName, column: "projectName" },
  playbook: option("playbook"),
  inventory: { ...reference, ...prompt, column: "inventoryId" },
  inventory_name: { ...currentName, column: "inventoryName" },
  credential: { ...reference, ...prompt, column: "credentialId" },
  credential_name: { ...currentName, column: "credentialName" },
  job_type: option("job_type"),
  forks: option("forks"),
  limit: option("limit"),
  tags: option("tags"),
  skip_tags: option("skip_tags"),
  verbosity: option("verbosity"),
  verbosity_name: JOB_FIELDS.verbosity_name,
  variables: option("variables"),
  become_enabled: option("become_enabled"),
  become_enabled_name: JOB_FIELDS.become_enabled_name,
  diff_mode: option("diff_mode"),
  diff_mode_name: JOB_FIELDS.diff_mode_name,
  force_handlers: option("force_handlers"),
  force_handlers_name: JOB_FIELDS.force_handlers_name,
  start_at_task: option("start_at_task"),
  timeout: option("timeout"),
} as const satisfies Contract;

type Later = Exclude<RunOptionKey, keyof typeof LAID_OUT>;
/** Run options added to the job contract after that: they come last, before `ctime`, with no code here. */
const laterOptions = Object.fromEntries(RUN_OPTION_KEYS.filter((k) => !(k in LAID_OUT)).map((k) => [k, option(k)])) as {
  [K in Later]: ReturnType<typeof option<K>>;
};

type AskFlagField<K extends PromptKey> = { output: z.ZodBoolean; column: AskColumn<K>; input: ReturnType<typeof boolean>; update: true; orderable: true };
/** `ask_<key>_on_launch` for each key the job contract marks `prompt`: may a launch set it. */
const askFlags = Object.fromEntries(
  PROMPT_KEYS.map((k) => [askFlag(k), { output: z.boolean(), column: askColumnOf(k), input: boolean(), update: true, orderable: true }]),
) as { [K in PromptKey as AskFlag<K>]: AskFlagField<K> };

/**
 * The template record, in its key order (scripts compare it as text): its run options are
 * the job contract's; keys added since come last, in the order they were added.
 */
export const TEMPLATE_FIELDS = {
  ...LAID_OUT,
  ...laterOptions,
  ctime: { output: z.number(), column: "ctime", orderable: true },
  ...LAST_JOB_FIELDS,
  allow_simultaneous: {
    output: z.boolean(),
    column: "allowSimultaneous",
    input: boolean(),
    update: true,
    orderable: true,
    added: "`true` (default): its jobs may run side by side; `false`: one at a time, later launches wait `pending` (AWX's `allow_simultaneous`)",
  },
  max_concurrent_jobs: {
    output: z.number().int(),
    column: "maxConcurrentJobs",
    input: integer({ min: 0, max: MAX_CONCURRENT_JOBS }),
    update: true,
    orderable: true,
    added: `at most this many of its jobs waiting or running at once, the rest wait \`pending\`; \`0\` (default) = no limit; 0 … ${MAX_CONCURRENT_JOBS}`,
  },
  ...askFlags,
} as const satisfies Contract;

export type TemplateFieldKey = keyof typeof TEMPLATE_FIELDS;

/** What a create or update parses, in order: the template's own keys, then its run options. */
export const TEMPLATE_INPUT_FIELDS = inputSpec(TEMPLATE_FIELDS, [
  "name",
  "description",
  "project",
  "inventory",
  "credential",
  ...RUN_OPTION_KEYS,
  "allow_simultaneous",
  "max_concurrent_jobs",
  ...PROMPT_KEYS.map(askFlag),
] as const satisfies readonly TemplateFieldKey[]);

/** The template record, as the web UI reads it. */
export const TemplateRecord = recordSchema(TEMPLATE_FIELDS);
export type TemplateRecord = z.infer<typeof TemplateRecord>;

/** A template row with its references' current names → its record. */
export const toTemplateRecord: (row: Record<string, unknown>) => TemplateRecord = serializer(TEMPLATE_FIELDS);

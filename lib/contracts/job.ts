import { z } from "zod";
import { choice, flag, integer, intChoice, primaryKey, string } from "../drf/fields";
import { flagName, JOB_KINDS, JOB_STATES, JOB_TYPES, KIND_NAMES, STATE_NAMES, VERBOSITY_NAMES, type JobKind, type JobState } from "../jobs/enums";
import { MAX, MAX_TIME_S, MAX_TIMEOUT_S } from "../jobs/limits";
import { QUEUE_REASONS } from "../jobs/queue-place";
import { inputSpec, keysWith, recordSchema, serializer, type Contract, type FieldContract, type OptionStorage } from "./define";

const id = z.number().int();
const ref = id.nullable();
const name = z.string().nullable();
const str = z.string();
const flag01 = z.number().int().min(0).max(1);
const time = z.number().nullable();

const reference = { output: ref, input: primaryKey(), reference: true, update: true, orderable: true, filter: "id" } as const;
const refName = { output: name, orderable: true, searchable: true } as const;
const flagOption = {
  output: flag01,
  input: flag(),
  option: { sql: "smallint", default: 0, form: "flag" },
  update: true,
  rerun: true,
  orderable: true,
} as const;
const textOption = {
  output: str,
  input: string({ maxLength: MAX.short }),
  option: { sql: "text", default: "", form: "text" },
  update: true,
  rerun: true,
  orderable: true,
} as const;
/** Read-only keys computed when the job is read (absent from a stored row: null). */
const orNull = (v: unknown) => v ?? null;
const flagNameOf = (key: string) => ({ output: str, derive: (r: Record<string, unknown>) => flagName(r[key] as number) });

/**
 * The job record, in the seed's key order: every key once, with where it is stored, how
 * a create parses it, and what lists, launches and re-runs do with it.
 */
export const JOB_FIELDS = {
  id: { output: id, column: "id", orderable: true },
  template: { ...reference, column: "templateId", rerun: true },
  cuser: { output: id, column: "cuserId", input: primaryKey({ nullable: false }), reference: true, orderable: true, filter: "id" },
  user: { output: str, column: "userName", orderable: true, searchable: true },
  job_type: {
    output: str,
    column: "jobType",
    input: choice(JOB_TYPES),
    prompt: true,
    option: { sql: "text", default: "run", form: "choice" },
    update: true,
    rerun: true,
    orderable: true,
    filter: "choice",
  },
  inventory: { ...reference, column: "inventoryId", rerun: true, prompt: true },
  credential: { ...reference, column: "credentialId", rerun: true, prompt: true },
  forks: {
    output: id,
    column: "forks",
    prompt: true,
    input: integer({ min: 0, max: 200 }),
    option: { sql: "integer", default: 0, form: "int" },
    update: true,
    rerun: true,
    orderable: true,
  },
  limit: { ...textOption, column: "limit", searchable: true, prompt: true },
  tags: { ...textOption, column: "tags", prompt: true },
  skip_tags: { ...textOption, column: "skipTags", prompt: true },
  verbosity: {
    output: id,
    column: "verbosity",
    prompt: true,
    input: intChoice([0, 1, 2, 3, 4]),
    option: { sql: "smallint", default: 0, form: "choice" },
    update: true,
    rerun: true,
    orderable: true,
  },
  variables: {
    ...textOption,
    column: "variables",
    input: string({ maxLength: MAX.text }),
    option: { sql: "text", default: "", form: "textarea" },
    prompt: true,
  },
  start_time: { output: time, column: "startTime", input: integer({ min: 0, max: MAX_TIME_S, nullable: true }), orderable: true, filter: "time" },
  finish_time: { output: time, column: "finishTime", input: integer({ min: 0, max: MAX_TIME_S, nullable: true }), orderable: true, filter: "time" },
  state: { output: str, column: "state", input: choice(JOB_STATES), orderable: true, filter: "choices" },
  inventory_str: { output: str, column: "inventoryStr", input: string({ maxLength: MAX.text }), update: true, rerun: true, orderable: true },
  become_enabled: { ...flagOption, column: "becomeEnabled" },
  diff_mode: { ...flagOption, column: "diffMode", prompt: true },
  force_handlers: { ...flagOption, column: "forceHandlers" },
  start_at_task: { ...textOption, column: "startAtTask" },
  inventory_name: { ...refName, column: "inventoryName" },
  credential_name: { ...refName, column: "credentialName" },
  template_name: { ...refName, column: "templateName" },
  state_name: { output: str, derive: (r) => STATE_NAMES[r.state as JobState] ?? r.state },
  playbook: { ...textOption, column: "playbook", option: { sql: "text", default: "", form: "playbook" }, searchable: true },
  kind: { output: str, column: "kind", input: choice(JOB_KINDS), update: true, rerun: true, orderable: true, filter: "choice" },
  arguments: { output: str, column: "arguments", input: string({ maxLength: MAX.arguments }), update: true, rerun: true, orderable: true, searchable: true },
  module: { output: str, column: "module", input: string({ maxLength: MAX.module }), update: true, rerun: true, orderable: true, searchable: true },
  verbosity_name: { output: str, derive: (r) => VERBOSITY_NAMES[r.verbosity as number] ?? String(r.verbosity) },
  kind_name: { output: str, derive: (r) => KIND_NAMES[r.kind as JobKind] ?? r.kind },
  job: { ...reference, column: "parentJobId" },
  node: { ...reference, column: "nodeId" },
  force_handlers_name: flagNameOf("force_handlers"),
  diff_mode_name: flagNameOf("diff_mode"),
  become_enabled_name: flagNameOf("become_enabled"),
  schedule: { ...reference, column: "scheduleId" },
  schedule_name: { ...refName, column: "scheduleName" },
  ctime: { output: z.number(), column: "ctime", input: integer({ min: 0, max: MAX_TIME_S }), orderable: true, filter: "time" },
  project_name: { ...refName, column: "projectName" },
  project: { ...reference, column: "projectId", rerun: true },
  timeout: {
    output: id,
    column: "timeout",
    input: integer({ min: 0, max: MAX_TIMEOUT_S }),
    option: { sql: "integer", default: 0, form: "int" },
    update: true,
    rerun: true,
    orderable: true,
    added:
      "seconds the run may take; past it the executor stops it and the job ends `failed` (AWX's `timeout`); `0` = no limit; 0 … 2,592,000; a run option like `forks`: taken from the template, copied by a re-run",
  },
  explanation: {
    output: str,
    column: "explanation",
    added:
      'why the job ended as it did, also the red last line of its output: e.g. `主机 web-1 的任务 “deploy” 失败：…`, `超时（3600 秒）：…`, `已由 张伟 于 2026-12-06 17:00:05（北京时间） 取消。`, `输出写入失败：…。第 N 行起的输出未能保存，作业已被停止。`, `作业执行器 w1 已失联（超过 30 秒没有心跳）…`; `""` for a plain success and while it runs',
  },
  canceled_by: { output: ref, column: "canceledBy", added: "the user who asked to cancel it (`POST …/cancel/`)" },
  variables_trusted: {
    output: flag01,
    column: "variablesTrusted",
    encode: (trusted: boolean) => (trusted ? 1 : 0),
    added: "1: Ansible may render Jinja in `variables` under `JINJA_IN_VARIABLES=template` (read-only; see above)",
  },
  scm_revision: {
    output: str,
    column: "scmRevision",
    added:
      'the commit (40 hex digits) of a git project the executor checked out for this run, set when it starts running; `""` for a folder project, an ad-hoc command, and before it runs (read-only; a re-run records its own)',
  },
  queue_position: {
    output: ref,
    column: "queuePosition",
    encode: orNull,
    added: "while `pending`: its place (1 = next) among the queued jobs of the template or inventory whose limit it waits behind; else null (read-only)",
  },
  queue_reason: {
    output: z.enum(QUEUE_REASONS).nullable(),
    column: "queueReason",
    encode: orNull,
    added: "while `pending`: `template` or `inventory`, whose limit it waits behind; else null (read-only)",
  },
  queue_limit: {
    output: ref,
    column: "queueLimit",
    encode: orNull,
    added: "while `pending`: that limit (1 for a template that does not allow simultaneous runs); else null (read-only)",
  },
  output_purged: {
    output: flag01,
    column: "outputPurged",
    encode: (purged: boolean) => (purged ? 1 : 0),
    added: "1: its output was dropped by the retention policy (`…/settings/retention/`); the job, its host results and `explanation` stay (read-only)",
  },
  duration: {
    output: time,
    column: "duration",
    orderable: true,
    added:
      "seconds from `start_time` to `finish_time` (0 if the finish is recorded before the start), as the history's 耗时 column shows an ended job; null while either is null: pending, running (the UI counts a running job's time itself) or never started (read-only)",
  },
} as const satisfies Contract;

export type JobFieldKey = keyof typeof JOB_FIELDS;

/** The order a create parses (and so reports errors in): the owner, references, run options, the rest. */
const INPUT_ORDER = [
  "cuser",
  "template",
  "inventory",
  "credential",
  "project",
  "schedule",
  "node",
  "job",
  "playbook",
  "job_type",
  "forks",
  "limit",
  "tags",
  "skip_tags",
  "verbosity",
  "variables",
  "become_enabled",
  "diff_mode",
  "force_handlers",
  "start_at_task",
  "timeout",
  "inventory_str",
  "module",
  "arguments",
  "kind",
  "state",
  "start_time",
  "finish_time",
  "ctime",
] as const satisfies readonly JobFieldKey[];

const inputKeys = keysWith(JOB_FIELDS, "input");
/** Every writable key in parse order; a writable key missing from `INPUT_ORDER` comes last. */
const INPUT_KEYS = [...INPUT_ORDER.filter((k) => inputKeys.includes(k)), ...inputKeys.filter((k) => !(INPUT_ORDER as readonly string[]).includes(k))];

/** The run options a job shares with a template (also the template's fields), in parse order. */
export const RUN_OPTION_KEYS = INPUT_KEYS.filter((k): k is (typeof inputKeys)[number] & keyof PickBy<"option"> => "option" in JOB_FIELDS[k]);
export type RunOptionKey = keyof PickBy<"option">;
export const RUN_OPTION_FIELDS = inputSpec(JOB_FIELDS, RUN_OPTION_KEYS);

type OptionsEditedAs<F extends string> = { [K in RunOptionKey]: (typeof JOB_FIELDS)[K]["option"]["form"] extends F ? K : never }[RunOptionKey];
const editedAs = <F extends OptionStorage["form"]>(form: F) => RUN_OPTION_KEYS.filter((k): k is OptionsEditedAs<F> => JOB_FIELDS[k].option.form === form);
/** The run options the forms edit in a plain text box (trimmed), and as a checkbox (0/1). */
export const TEXT_OPTIONS = editedAs("text");
export type TextOption = (typeof TEXT_OPTIONS)[number];
export const FLAG_OPTIONS = editedAs("flag");
export type FlagOption = (typeof FLAG_OPTIONS)[number];

/** Every writable key of a job, parsed as DRF would. */
export const JOB_INPUT_FIELDS = inputSpec(JOB_FIELDS, INPUT_KEYS);

/** Keys PUT/PATCH may change: run options and references, not state, times or cuser. */
export const JOB_UPDATE_KEYS = INPUT_KEYS.filter((k): k is keyof PickBy<"update"> => "update" in JOB_FIELDS[k]);
export const JOB_UPDATE_FIELDS = inputSpec(JOB_FIELDS, JOB_UPDATE_KEYS);

/** The stored values a create or update takes from the body as they are (not references). */
export const JOB_VALUE_KEYS = JOB_UPDATE_KEYS.filter((k) => !("reference" in JOB_FIELDS[k]));

/**
 * What a template may ask for at launch (AWX's `ask_*_on_launch`) and a schedule may
 * override, in parse order: the launch endpoint applies these and ignores the rest.
 */
export const PROMPT_KEYS = INPUT_KEYS.filter((k): k is keyof PickBy<"prompt"> => "prompt" in JOB_FIELDS[k]);
export type PromptKey = keyof PickBy<"prompt">;
/** A prompt's flag on a template, as AWX names it. */
export type AskFlag<K extends string = PromptKey> = `ask_${K}_on_launch`;
export const askFlag = <K extends PromptKey>(key: K): AskFlag<K> => `ask_${key}_on_launch`;
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
export type AskColumn<K extends PromptKey = PromptKey> = Camel<AskFlag<K>>;
/** A flag's Drizzle column key (`askSkipTagsOnLaunch`); its SQL name is the wire key. */
export const askColumnOf = <K extends PromptKey>(key: K) => askFlag(key).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as AskColumn<K>;
export const PROMPT_FIELDS = inputSpec(JOB_FIELDS, PROMPT_KEYS);

/** What a re-run (the UI's, or `relaunch/`) copies from the job it re-runs; `schedule` is deliberately not. */
export const RERUN_COPIED_KEYS = keysWith(JOB_FIELDS, "rerun");

type RunOptionColumn<K extends RunOptionKey> = (typeof JOB_FIELDS)[K]["column"];
/** A job's run options keyed by column, flags as booleans: what the executor runs with. */
export type RunSettings = {
  [K in RunOptionKey as RunOptionColumn<K>]: (typeof JOB_FIELDS)[K]["option"]["form"] extends "flag" ? boolean : z.infer<(typeof JOB_FIELDS)[K]["output"]>;
};
export function runSettingsOf(row: Record<string, unknown>): RunSettings {
  return Object.fromEntries(
    RUN_OPTION_KEYS.map((key) => {
      const { column, option } = JOB_FIELDS[key];
      return [column, option.form === "flag" ? row[column] === 1 : row[column]];
    }),
  ) as RunSettings;
}

/** The job record of the API contract (docs/api.md), as the web UI reads it. */
export const JobRecord = recordSchema(JOB_FIELDS);
export type JobRecord = z.infer<typeof JobRecord>;

/** A stored job row → its record, every key always present, in the seed's order. */
export const toJobRecord: (row: Record<string, unknown>) => JobRecord = serializer(JOB_FIELDS);

type PickBy<P extends keyof FieldContract> = { [K in JobFieldKey as (typeof JOB_FIELDS)[K] extends Record<P, unknown> ? K : never]: (typeof JOB_FIELDS)[K] };

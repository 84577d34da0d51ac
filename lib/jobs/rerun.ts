import { z } from "zod";
import { msg } from "../drf/messages";
import { JOB_TYPES } from "./enums";
import {
  FLAG_OPTIONS,
  RERUN_COPIED_KEYS,
  RUN_OPTION_KEYS,
  TEXT_OPTIONS,
  type FlagOption,
  type JobRecord,
  type RunOptionKey,
  type TextOption,
} from "../contracts/job";

/** The options "edit and re-run" lets the user change, in the dialog's order; options added later come last. */
const DIALOG_ORDER = [
  "variables",
  "limit",
  "tags",
  "skip_tags",
  "verbosity",
  "job_type",
  "forks",
  "become_enabled",
  "diff_mode",
  "force_handlers",
  "start_at_task",
  "timeout",
] as const satisfies readonly RunOptionKey[];
export type EditableOption = Exclude<RunOptionKey, "playbook">;
export const EDITABLE_OPTIONS: readonly EditableOption[] = [
  ...DIALOG_ORDER,
  ...RUN_OPTION_KEYS.filter((k): k is EditableOption => k !== "playbook" && !(DIALOG_ORDER as readonly string[]).includes(k)),
];
export { FLAG_OPTIONS, TEXT_OPTIONS };

/** The dialog's inputs as the browser holds them. */
export type RerunFormValues = { variables: string; verbosity: string; job_type: string; forks: string; timeout: string } & Record<TextOption, string> &
  Record<FlagOption, boolean>;

const flag = z.boolean().transform((b): 0 | 1 => (b ? 1 : 0));
const integer = z
  .string()
  .trim()
  .regex(/^[+-]?\d{1,9}$/, msg.invalidInteger)
  .transform(Number);
const shapeOf = <K extends string, T extends z.ZodType>(keys: readonly K[], type: T) => Object.fromEntries(keys.map((k) => [k, type])) as Record<K, T>;

/**
 * The dialog's inputs → the API's values. Only the shape is checked here (an integer
 * where one is needed); ranges and YAML are the API's to judge, and its DRF errors are
 * shown beside the fields, so the rules live in one place.
 */
export const RerunOptions = z.object({
  variables: z.string(),
  ...shapeOf(TEXT_OPTIONS, z.string().trim()),
  verbosity: z.string().trim().regex(/^\d+$/, msg.invalidInteger).transform(Number),
  job_type: z.enum(JOB_TYPES, { error: (i) => msg.invalidChoice(String(i.input)) }),
  forks: integer,
  timeout: integer,
  ...shapeOf(FLAG_OPTIONS, flag),
});
export type RerunOptions = z.output<typeof RerunOptions>;

export function rerunFormValues(job: JobRecord): RerunFormValues {
  return {
    variables: job.variables,
    ...(Object.fromEntries(TEXT_OPTIONS.map((k) => [k, job[k]])) as Record<TextOption, string>),
    verbosity: String(job.verbosity),
    job_type: job.job_type,
    forks: String(job.forks),
    timeout: String(job.timeout),
    ...(Object.fromEntries(FLAG_OPTIONS.map((k) => [k, job[k] === 1])) as Record<FlagOption, boolean>),
  };
}

/** The POST body of a re-run: a copy of the job's run options, `job` pointing back, launched. */
export function rerunBody(job: JobRecord, overrides: Partial<RerunOptions> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of RERUN_COPIED_KEYS) body[key] = job[key];
  return { ...body, ...overrides, job: job.id, state: "new" };
}

export type OptionChange = { key: EditableOption; before: string | number; after: string | number };

/** The options that differ from the job's (strings compared as the API stores them: trimmed). */
export function changedOptions(job: JobRecord, options: RerunOptions): OptionChange[] {
  const norm = (v: string | number) => (typeof v === "string" ? v.trim() : v);
  return EDITABLE_OPTIONS.filter((k) => norm(job[k]) !== norm(options[k])).map((key) => ({
    key,
    before: job[key],
    after: options[key],
  }));
}

/** Field errors of the form's own parse, keyed like the API's. */
export function formErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "non_field_errors")] ??= []).push(issue.message);
  return out;
}

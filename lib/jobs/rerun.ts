import { z } from "zod";
import { msg } from "../drf/messages";
import { JOB_TYPES } from "./enums";
import { RERUN_COPIED_KEYS, type JobRecord } from "../contracts/job";

/** The options "edit and re-run" lets the user change, in the dialog's order. */
export const EDITABLE_OPTIONS = [
  "variables", "limit", "tags", "skip_tags", "verbosity", "job_type", "forks",
  "become_enabled", "diff_mode", "force_handlers", "start_at_task", "timeout",
] as const satisfies readonly (keyof JobRecord)[];
export type EditableOption = (typeof EDITABLE_OPTIONS)[number];
export const FLAG_OPTIONS = ["become_enabled", "diff_mode", "force_handlers"] as const;

/** The dialog's inputs as the browser holds them. */
export type RerunFormValues = {
  variables: string;
  limit: string;
  tags: string;
  skip_tags: string;
  start_at_task: string;
  verbosity: string;
  job_type: string;
  forks: string;
  timeout: string;
  become_enabled: boolean;
  diff_mode: boolean;
  force_handlers: boolean;
};

const flag = z.boolean().transform((b): 0 | 1 => (b ? 1 : 0));

/**
 * The dialog's inputs → the API's values. Only the shape is checked here (an integer
 * where one is needed); ranges and YAML are the API's to judge, and its DRF errors are
 * shown beside the fields, so the rules live in one place.
 */
export const RerunOptions = z.object({
  variables: z.string(),
  limit: z.string().trim(),
  tags: z.string().trim(),
  skip_tags: z.string().trim(),
  start_at_task: z.string().trim(),
  verbosity: z.string().trim().regex(/^\d+$/, msg.invalidInteger).transform(Number),
  job_type: z.enum(JOB_TYPES, { error: (i) => msg.invalidChoice(String(i.input)) }),
  forks: z.string().trim().regex(/^[+-]?\d{1,9}$/, msg.invalidInteger).transform(Number),
  timeout: z.string().trim().regex(/^[+-]?\d{1,9}$/, msg.invalidInteger).transform(Number),
  become_enabled: flag,
  diff_mode: flag,
  force_handlers: flag,
});
export type RerunOptions = z.output<typeof RerunOptions>;

export function rerunFormValues(job: JobRecord): RerunFormValues {
  return {
    variables: job.variables,
    limit: job.limit,
    tags: job.tags,
    skip_tags: job.skip_tags,
    start_at_task: job.start_at_task,
    verbosity: String(job.verbosity),
    job_type: job.job_type,
    forks: String(job.forks),
    timeout: String(job.timeout),
    become_enabled: job.become_enabled === 1,
    diff_mode: job.diff_mode === 1,
    force_handlers: job.force_handlers === 1,
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

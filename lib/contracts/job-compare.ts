import { z } from "zod";
import { HOST_STATUSES } from "../jobs/enums";
import { JobRecord, RERUN_COPIED_KEYS } from "./job";

const int = z.number().int();

/**
 * The keys that define what a job runs: the ones a re-run copies (the job contract's
 * `rerun` flag). Two runs differ in how they were run exactly where these differ.
 */
export const COMPARED_OPTION_KEYS = RERUN_COPIED_KEYS;

export const OptionDifference = z.object({
  field: z.enum(COMPARED_OPTION_KEYS as [string, ...string[]]),
  a: z.union([z.string(), z.number(), z.null()]),
  b: z.union([z.string(), z.number(), z.null()]),
});
export type OptionDifference = z.infer<typeof OptionDifference>;

/** A host's own result in one run (its recap). */
export const HostSide = z.object({
  status: z.enum(HOST_STATUSES),
  ok: int,
  changed: int,
  failures: int,
  unreachable: int,
  skipped: int,
  first_failed_task: z.string(),
});
export type HostSide = z.infer<typeof HostSide>;

export const HostComparison = z.object({ host: z.string(), a: HostSide.nullable(), b: HostSide.nullable(), differs: z.boolean() });
export type HostComparison = z.infer<typeof HostComparison>;

/** What one task did on one host; `absent`: it did not run there (or the task is not in that run). */
export const TASK_RESULTS = ["ok", "changed", "failed", "unreachable", "skipped", "rescued", "ignored", "absent"] as const;
export type TaskResult = (typeof TASK_RESULTS)[number];

export const TaskHostResult = z.object({ host: z.string(), a: z.enum(TASK_RESULTS), b: z.enum(TASK_RESULTS), differs: z.boolean() });
export type TaskHostResult = z.infer<typeof TaskHostResult>;

/** A task of either run, aligned by play, name and occurrence (the n-th time that play ran a task of that name). */
export const TaskComparison = z.object({
  play: z.string(),
  name: z.string(),
  occurrence: int,
  handler: z.boolean(),
  /** where it is in the project (`file:line`), as each run recorded it; "" when that run lacks it */
  path_a: z.string(),
  path_b: z.string(),
  in_a: z.boolean(),
  in_b: z.boolean(),
  differs: z.boolean(),
  results: z.array(TaskHostResult),
});
export type TaskComparison = z.infer<typeof TaskComparison>;

/** `GET /api/job/job/<a>/compare/<b>/` */
export const JobComparison = z.object({
  a: JobRecord,
  b: JobRecord,
  options: z.array(OptionDifference),
  hosts: z.array(HostComparison),
  tasks: z.array(TaskComparison),
});
export type JobComparison = z.infer<typeof JobComparison>;

export const DIFF_ROW_KINDS = ["equal", "changed", "only_a", "only_b"] as const;
export type DiffRowKind = (typeof DIFF_ROW_KINDS)[number];

const DiffLine = z.object({ line: int, text: z.string() });

export const DiffRow = z.object({ kind: z.enum(DIFF_ROW_KINDS), a: DiffLine.nullable(), b: DiffLine.nullable() });
export type DiffRow = z.infer<typeof DiffRow>;

/** `GET /api/job/job/<a>/compare/<b>/output/`: a window of the aligned line diff. */
export const OutputDiffWindow = z.object({
  a_total: int,
  b_total: int,
  a_from: int,
  b_from: int,
  rows: z.array(DiffRow),
  /** where the next window starts; null at the end of both outputs */
  a_next: int.nullable(),
  b_next: int.nullable(),
  next: z.string().nullable(),
});
export type OutputDiffWindow = z.infer<typeof OutputDiffWindow>;

/** `GET /api/job/job/<id>/compare/`: the run to compare with by default, or why there is none. */
export const CompareCandidates = z.object({
  last_successful: JobRecord.nullable(),
  last_successful_error: z.string().nullable(),
});
export type CompareCandidates = z.infer<typeof CompareCandidates>;

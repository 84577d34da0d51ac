import { z } from "zod";
import { HOST_STATUSES } from "./enums";
import { drfPage } from "./job-record";

/** `GET .../lines/`: a window of stored lines, `next` the line to ask from for more. */
export const LinesPage = z.object({
  total: z.number().int(),
  state: z.string(),
  lines: z.array(z.tuple([z.number().int(), z.string()])),
  next: z.number().int().nullable(),
});
export type LinesPage = z.infer<typeof LinesPage>;

export const HostSummary = z.object({
  host: z.string(),
  ok: z.number().int(),
  changed: z.number().int(),
  failures: z.number().int(),
  unreachable: z.number().int(),
  skipped: z.number().int(),
  rescued: z.number().int(),
  ignored: z.number().int(),
  failed: z.boolean(),
  status: z.enum(HOST_STATUSES),
  /** the first task that failed on the host (not ignored, not rescued), and its message */
  first_failed_task: z.string(),
  first_failed_message: z.string(),
});
export type HostSummary = z.infer<typeof HostSummary>;
export const HostSummaryPage = drfPage(HostSummary);
export type HostSummaryPage = z.infer<typeof HostSummaryPage>;

/** `GET .../relaunch/`: the failed hosts, and the task a re-run of them can start at (or why none). */
export const RelaunchOptions = z.object({
  failed_hosts: z.array(z.string()),
  failed_task: z.object({ name: z.string(), play: z.string(), path: z.string(), hosts: z.array(z.string()), start_at_task: z.string() }).nullable(),
  failed_task_error: z.string().nullable(),
});
export type RelaunchOptions = z.infer<typeof RelaunchOptions>;

const OutlineCounts = z.object({
  ok: z.number().int(),
  changed: z.number().int(),
  failed: z.number().int(),
  unreachable: z.number().int(),
  skipped: z.number().int(),
  rescued: z.number().int(),
  ignored: z.number().int(),
});
const OutlineTask = z.object({ name: z.string(), handler: z.boolean(), started: z.number(), finished: z.number().nullable(), hosts: OutlineCounts });

/** `GET .../outline/`: the plays and tasks, when each started and ended, how its hosts ended it (lib/jobs/outline.ts). */
export const JobOutline = z.object({
  plays: z.array(z.object({ name: z.string(), started: z.number(), finished: z.number().nullable(), tasks: z.array(OutlineTask) })),
});

import { z } from "zod";
import { HOST_STATUSES } from "../jobs/enums";
import { recordSchema, serializer, type Contract } from "./define";

const int = z.number().int();

/** A host seen in jobs, in its key order: read-only, kept from the jobs' per-host results. */
export const HOST_FIELDS = {
  id: { output: int, column: "id", orderable: true },
  name: { output: z.string(), column: "name", orderable: true, searchable: true, filter: "exact", added: "the host's name as the inventory gives it" },
  jobs: { output: int, column: "jobs", orderable: true, added: "how many jobs reached it (kept: deleting a job uncounts it)" },
  last_job: { output: int, column: "lastJobId", orderable: true, added: "the newest job that reached it" },
  last_status: {
    output: z.enum(HOST_STATUSES),
    column: "lastStatus",
    choices: HOST_STATUSES,
    orderable: true,
    filter: "choices",
    added: "its own status in that job: `unreachable`, `failed`, `changed`, `ok` or `skipped` (`?last_status__in=failed,unreachable`)",
  },
  last_seen: { output: z.number(), column: "lastSeen", orderable: true, filter: "time", added: "when that job last wrote its result (Unix seconds)" },
} as const satisfies Contract;

/** The host record, as the web UI reads it. */
export const HostRecord = recordSchema(HOST_FIELDS);
export type HostRecord = z.infer<typeof HostRecord>;

export const toHostRecord: (row: Record<string, unknown>) => HostRecord = serializer(HOST_FIELDS);

/** One job's result on one host: the host page's timeline row. */
export const HostResult = z.object({
  job: int,
  template_name: z.string().nullable(),
  kind: z.string(),
  playbook: z.string(),
  module: z.string(),
  job_state: z.string(),
  start_time: z.number().nullable(),
  finish_time: z.number().nullable(),
  ok: int,
  changed: int,
  failures: int,
  unreachable: int,
  skipped: int,
  rescued: int,
  ignored: int,
  status: z.enum(HOST_STATUSES),
  first_failed_task: z.string(),
  first_failed_message: z.string(),
  changed_tasks: z.array(z.string()),
  failed_tasks: z.array(z.string()),
});
export type HostResult = z.infer<typeof HostResult>;

import { z } from "zod";

const id = z.number().int().nullable();
const name = z.string().nullable();
const flag = z.number().int().min(0).max(1);
const time = z.number().nullable();

/** The job record of the API contract (docs/api.md), as the web UI reads it. */
export const JobRecord = z.object({
  id: z.number().int(),
  cuser: z.number().int(),
  user: z.string(),
  template: id,
  inventory: id,
  credential: id,
  project: id,
  schedule: id,
  node: id,
  template_name: name,
  inventory_name: name,
  credential_name: name,
  project_name: name,
  schedule_name: name,
  playbook: z.string(),
  job_type: z.string(),
  forks: z.number().int(),
  limit: z.string(),
  tags: z.string(),
  skip_tags: z.string(),
  start_at_task: z.string(),
  timeout: z.number().int(),
  explanation: z.string(),
  canceled_by: id,
  verbosity: z.number().int(),
  verbosity_name: z.string(),
  variables: z.string(),
  inventory_str: z.string(),
  become_enabled: flag,
  diff_mode: flag,
  force_handlers: flag,
  become_enabled_name: z.string(),
  diff_mode_name: z.string(),
  force_handlers_name: z.string(),
  module: z.string(),
  arguments: z.string(),
  kind: z.string(),
  kind_name: z.string(),
  job: id,
  state: z.string(),
  state_name: z.string(),
  start_time: time,
  finish_time: time,
  ctime: z.number(),
});
export type JobRecord = z.infer<typeof JobRecord>;

/** A job's state and times as its output stream's `state` events carry them. */
export type JobLiveState = Pick<JobRecord, "state" | "start_time" | "finish_time">;

/** LimitOffsetPagination's envelope. */
export const drfPage = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int(), next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) });

export const JobPage = drfPage(JobRecord);
export type JobPage = z.infer<typeof JobPage>;

/** What the history needs of a referenced object (template, inventory, ...). */
export const NamedObject = z.object({ id: z.number().int(), name: z.string() });
export type NamedObject = z.infer<typeof NamedObject>;
export const NamedPage = drfPage(NamedObject);

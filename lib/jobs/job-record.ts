import { z } from "zod";
import { JobRecord } from "../contracts/job";

/** The job record, as the job contract declares it. */
export { JobRecord };

/** A job's state and times as its output stream's `state` events carry them; a `pending` job's queue place too. */
export type JobLiveState = Pick<JobRecord, "state" | "start_time" | "finish_time"> &
  Partial<Pick<JobRecord, "queue_position" | "queue_reason" | "queue_limit">>;

/** LimitOffsetPagination's envelope. */
export const drfPage = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int(), next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) });

export const JobPage = drfPage(JobRecord);
export type JobPage = z.infer<typeof JobPage>;

/** What the history needs of a referenced object (template, inventory, ...). */
export const NamedObject = z.object({ id: z.number().int(), name: z.string() });
export type NamedObject = z.infer<typeof NamedObject>;
export const NamedPage = drfPage(NamedObject);

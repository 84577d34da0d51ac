import type { Db } from "@/db/client";
import type { QueuePlace } from "@/lib/jobs/queue-place";
import { getJob } from "./get-job";
import { withQueuePlaces } from "./read-queue-places";
import type { JobRow } from "./serialize-job";

/** One job as its record shows it: the row and, while it is `pending`, its place in the queue. */
export async function readJob(db: Db, id: number): Promise<JobRow & QueuePlace> {
  const [job] = await withQueuePlaces(db, [await getJob(db, id)]);
  return job!;
}

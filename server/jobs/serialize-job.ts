import type { jobs } from "@/db/schema";
import { toJobRecord, type JobRecord } from "@/lib/contracts/job";

export type JobRow = typeof jobs.$inferSelect;
export type { JobRecord };

/** The seed's job record: every key always present, names as they were at creation. */
export function serializeJob(row: JobRow): JobRecord {
  return toJobRecord(row);
}

import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { jobs } from "@/db/schema";
import { JOB_FIELDS, JOB_ORDERABLE_KEYS, JOB_SEARCHED_KEYS, type JobFieldKey } from "@/lib/contracts/job";

/** The contract, checked here against the table: every column it names is one of the job's. */
const FIELDS: Record<JobFieldKey, { output: unknown; column?: keyof typeof jobs.$inferSelect }> = JOB_FIELDS;

/** The column a stored key lives in. */
export function jobColumn(key: JobFieldKey): AnyPgColumn {
  const column = FIELDS[key].column;
  if (column === undefined) throw new Error(`job key ${key} is not stored`);
  return jobs[column];
}

/** Record keys that are stored columns and that `ordering` may name. */
export const JOB_COLUMNS: Record<string, AnyPgColumn> = Object.fromEntries(JOB_ORDERABLE_KEYS.map((k) => [k, jobColumn(k)]));

export const JOB_ORDERABLE = JOB_ORDERABLE_KEYS;

/** The columns `?search=` looks in. */
export const JOB_SEARCHED: AnyPgColumn[] = JOB_SEARCHED_KEYS.map(jobColumn);

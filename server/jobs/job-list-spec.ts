import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getTableColumns } from "drizzle-orm";
import { jobCounts, jobs } from "@/db/schema";
import type { FieldContract } from "@/lib/contracts/define";
import { JOB_FIELDS, type JobFieldKey } from "@/lib/contracts/job";
import { listSpecOf, type ListSpec } from "../drf/list-query";

/** The contract, checked here against the table: every column it names is one of the job's. */
const FIELDS: Record<JobFieldKey, FieldContract & { column?: keyof typeof jobs.$inferSelect }> = JOB_FIELDS;

const COUNTED: Record<string, AnyPgColumn> = getTableColumns(jobCounts);

/**
 * The job list's filters, search and ordering, from the contract. A filter on a column
 * `job_counts` also has (template … job_type) keeps the exact count off `count(*)`.
 */
export const JOB_LIST: ListSpec = listSpecOf(
  FIELDS,
  (c) => jobs[c as keyof typeof jobs.$inferSelect],
  (c) => COUNTED[c],
);

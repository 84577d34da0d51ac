import { QueryBuilder, type AnyPgColumn } from "drizzle-orm/pg-core";
import { eq, getTableColumns, ilike, inArray, sql } from "drizzle-orm";
import { hosts, jobCounts, jobHostSummaries, jobs, jobSearchText } from "@/db/schema";
import type { FieldContract } from "@/lib/contracts/define";
import { JOB_FIELDS, type JobFieldKey } from "@/lib/contracts/job";
import type { QueuePlace } from "@/lib/jobs/queue-place";
import { listSpecOf, type ListSpec } from "../drf/list-query";

/** The contract, checked here against the table: every column it names is one of the job's (or its queue place, read beside it). */
const FIELDS: Record<JobFieldKey, FieldContract & { column?: keyof typeof jobs.$inferSelect | keyof QueuePlace }> = JOB_FIELDS;

const COUNTED: Record<string, AnyPgColumn> = getTableColumns(jobCounts);

/** A filter on a column `job_counts` also has (template … job_type) keeps the exact count off `count(*)`. */
const CONTRACT_LIST = listSpecOf(
  FIELDS,
  (c) => jobs[c as keyof typeof jobs.$inferSelect],
  (c) => COUNTED[c],
);

const qb = new QueryBuilder();
/** The jobs that reached a host (it has a result in them): one range of `job_host_summaries_host_job_idx`. */
const ranOn = (host: string) => inArray(jobs.id, qb.select({ id: jobHostSummaries.jobId }).from(jobHostSummaries).where(eq(jobHostSummaries.host, host)));

/**
 * The job list's filters, search and ordering: the contract's, and `?host=` (the jobs that
 * ran on a host); a search word that is exactly a host's name also finds that host's jobs.
 */
export const JOB_LIST: ListSpec = {
  ...CONTRACT_LIST,
  filters: {
    ...CONTRACT_LIST.filters,
    // alone, its count is the host's kept number of jobs: one row instead of a probe per job
    host: {
      kind: "exact",
      column: jobHostSummaries.host,
      match: ranOn,
      countAlone: (host) => qb.select({ n: hosts.jobs }).from(hosts).where(eq(hosts.name, host)).getSQL(),
    },
  },
  searchAlso: ranOn,
  // the same answer as an ILIKE per column or the host, from the trigram index and the host's results
  searchTerm: (pattern, term) =>
    inArray(
      jobs.id,
      sql`(select ${jobs.id} from ${jobs} where ${ilike(jobSearchText(jobs), pattern)}
        union all select ${jobHostSummaries.jobId} from ${jobHostSummaries} where ${eq(jobHostSummaries.host, term)})`,
    ),
};

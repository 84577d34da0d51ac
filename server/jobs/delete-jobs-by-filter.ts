import { and } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { FilterDeleteCount, FilterDeleteDone } from "@/lib/contracts/job-bulk-delete";
import { flag } from "@/lib/drf/fields";
import { countByLiveness, deleteEndedJobs } from "@/core/jobs/delete-ended-jobs";
import { readListQuery } from "../drf/list-query";
import { lastParam } from "../drf/query-string";
import { JOB_LIST } from "./job-list-spec";
import { FieldError } from "@/lib/drf/fields";
import { ValidationError } from "@/core/errors";

/** `DELETE /api/job/job/?…&all=1`: the bulk delete names the list's filters instead of ids. */
export const isFilterDelete = (url: URL): boolean => readFlagParam(url, "all") === 1;

/**
 * Deletes every job the list's filters (and `search`) match, not only a page, in batches of
 * 1,000 (each its own transaction). Live jobs (new, waiting, running) are skipped and
 * counted, never deleted. `dry_run=1` only counts, for the confirmation.
 */
export async function deleteJobsByFilter(db: Db, url: URL): Promise<FilterDeleteCount | FilterDeleteDone> {
  const query = readListQuery(url, JOB_LIST);
  const where = query.where.length ? and(...query.where) : undefined;
  const counts = await countByLiveness(db, where);
  if (readFlagParam(url, "dry_run") === 1) return { dry_run: true, count: counts.deletable, live: counts.live };
  const deleted = await deleteEndedJobs(db, where);
  return { dry_run: false, deleted, live: counts.live };
}

/** A 0/1 query flag (`all`, `dry_run`); absent is 0, anything else a 400 naming it. */
function readFlagParam(url: URL, key: string): 0 | 1 {
  const raw = lastParam(url, key);
  if (raw === undefined || raw === "") return 0;
  try {
    return flag().parse(raw);
  } catch (e) {
    if (e instanceof FieldError) throw new ValidationError({ [key]: e.messages });
    throw e;
  }
}

import type { Db } from "@/db/client";
import { readListQuery } from "../drf/list-query";
import { envelope } from "../drf/pagination";
import { JOB_LIST } from "./job-list-spec";
import { listJobs } from "./list-jobs";
import { serializeJob } from "./serialize-job";

/** `GET /api/job/job/?…`'s JSON page for a URL on the site's origin (the API and the history page's first paint). */
export async function readJobListPage(db: Db, url: URL) {
  const query = readListQuery(url, JOB_LIST);
  const { count, rows } = await listJobs(db, query);
  return envelope(url, query.page, count, rows.map(serializeJob));
}

import { fieldSource } from "@/server/http/body";
import { assertValid } from "@/core/errors";
import { drfRoute, json, noContent } from "@/server/http/route";
import { envelope, readPage } from "@/server/drf/pagination";
import { readOrdering } from "@/server/drf/ordering";
import { JOB_ORDERABLE } from "@/server/jobs/job-columns";
import { readJobFilters } from "@/server/jobs/job-filters";
import { listJobs } from "@/server/jobs/list-jobs";
import { createJob } from "@/core/jobs/create-job";
import { deleteJobs } from "@/server/jobs/delete-jobs";
import { readBulkIds } from "@/server/jobs/read-bulk-ids";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const filters = readJobFilters(url);
    assertValid(filters.errors);
    const page = readPage(url);
    const { count, rows } = await listJobs(ctx.db, filters, readOrdering(url, JOB_ORDERABLE), page);
    return json(envelope(url, page, count, rows.map(serializeJob)));
  },
  POST: async ({ ctx, user, body }) => {
    const job = await createJob(ctx.db, user, fieldSource(await body()));
    return json(serializeJob(job), 201);
  },
  DELETE: async ({ ctx, body }) => {
    await deleteJobs(ctx.db, readBulkIds(await body()));
    return noContent();
  },
});

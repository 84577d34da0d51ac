import { fieldSource } from "@/server/http/body";
import { attachment, drfRoute, json, noContent } from "@/server/http/route";
import { readFormat } from "@/server/drf/format";
import { readJobListPage } from "@/server/jobs/read-job-list-page";
import { createJob } from "@/core/jobs/create-job";
import { deleteJobs } from "@/server/jobs/delete-jobs";
import { deleteJobsByFilter, isFilterDelete } from "@/server/jobs/delete-jobs-by-filter";
import { exportJobsCsv } from "@/server/jobs/export-jobs-csv";
import { readBulkIds } from "@/server/jobs/read-bulk-ids";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

/** `?format=`: `json` and `api` (DRF's browsable API) answer the JSON page; any other name is a 404. */
const LIST_FORMATS = ["json", "api", "csv"] as const;

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    if (readFormat(url, LIST_FORMATS) === "csv") return attachment(await exportJobsCsv(ctx.db, url));
    return json(await readJobListPage(ctx.db, url));
  },
  POST: async ({ ctx, user, body }) => {
    const job = await createJob(ctx.db, user, fieldSource(await body()));
    return json(serializeJob(job), 201);
  },
  DELETE: async ({ url, ctx, body }) => {
    if (isFilterDelete(url)) return json(await deleteJobsByFilter(ctx.db, url));
    await deleteJobs(ctx.db, readBulkIds(await body()));
    return noContent();
  },
});

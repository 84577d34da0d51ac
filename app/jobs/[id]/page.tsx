import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { cache } from "react";
import { JobDetail } from "@/components/jobs/job-detail";
import { jobKeys } from "@/lib/jobs/job-keys";
import { jobTitle } from "@/lib/i18n/page-title";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getJob } from "@/server/jobs/get-job";
import { serializeJob } from "@/server/jobs/serialize-job";
import { searchLines } from "@/server/output/search-lines";
import { CHUNK } from "@/components/jobs/output/line-store";

export const dynamic = "force-dynamic";

// read once for the title and the page: the job, and the first window of its output
const load = cache((id: string) =>
  loadPageRecord(`/jobs/${id}`, id, async (db, n) => {
    const job = serializeJob(await getJob(db, n));
    return { job, lines: await searchLines(db, n, { start: 1, limit: CHUNK }) };
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { job } = await load((await params).id);
  return pageTitle(({ t }) => jobTitle(t, job.id, job.state));
}

/** Loaded on the server (logged in, unknown id → 404 page), into the browser's query cache: the header and first lines are in the HTML. */
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { job, lines } = await load(id);
  const client = new QueryClient();
  // the job itself is the prop (useJob's initialData): only the lines go through the cache
  client.setQueryData(jobKeys.firstLines(job.id), lines);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <JobDetail initialJob={job} />
    </HydrationBoundary>
  );
}

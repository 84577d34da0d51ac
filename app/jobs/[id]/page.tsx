import { JobDetail } from "@/components/jobs/job-detail";
import { cache } from "react";
import { jobTitle } from "@/lib/i18n/page-title";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getJob } from "@/server/jobs/get-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/jobs/${id}`, id, async (db, n) => serializeJob(await getJob(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const job = await load((await params).id);
  return pageTitle(({ t }) => jobTitle(t, job.id, job.state));
}

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const job = await load(id);
  return <JobDetail initialJob={job} />;
}

import { JobDetail } from "@/components/jobs/job-detail";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getJob } from "@/server/jobs/get-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const job = await loadPageRecord(`/jobs/${id}`, id, async (db, n) => serializeJob(await getJob(db, n)));
  return <JobDetail initialJob={job} />;
}

import { notFound } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";
import type { JobRecord } from "@/lib/jobs/job-record";
import { requirePageUser } from "@/server/auth/page-user";
import { getContext } from "@/server/context";
import { NotFound } from "@/server/http/errors";
import { getJob } from "@/server/jobs/get-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page. */
async function loadJob(id: string): Promise<JobRecord | null> {
  if (!/^\d{1,9}$/.test(id)) return null;
  const ctx = await getContext();
  try {
    return serializeJob(await getJob(ctx.db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/jobs/${id}`);
  const job = await loadJob(id);
  if (!job) notFound();
  return <JobDetail initialJob={job} />;
}

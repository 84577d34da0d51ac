import { JobCompare } from "@/components/jobs/compare/job-compare";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { compareJobs } from "@/server/compare/compare-jobs";
import { pathId } from "@/server/http/route";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string; other: string }> }) {
  const { id, other } = await params;
  return { title: `比较 #${id} 与 #${other} · 作业任务` };
}

/** Both jobs loaded on the server (logged in; either unknown → 404 page). */
export default async function JobComparePage({ params }: { params: Promise<{ id: string; other: string }> }) {
  const { id, other } = await params;
  const comparison = await loadPageRecord(`/jobs/${id}/compare/${other}`, id, (db, a) => compareJobs(db, a, pathId(other)));
  return <JobCompare initial={comparison} />;
}
